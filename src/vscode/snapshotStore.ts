import * as vscode from 'vscode';
import { decodeSnapshot, SNAPSHOT_FORMAT, type CorpusSnapshot } from '../core/corpus/snapshot';
import { codeStamp, readBytes, replaceFile, writeBytes } from './files';

const FILE = 'lists.json';

/**
 * The last session's lists (src/core/corpus/snapshot.ts), kept in the workspace's storage beside the index:
 * one file, written whole by temporary file and rename, stamped with the hash of the code that resolved it
 * (another version of the extension never reads it). A file that cannot be read is as good as none.
 */
export class SnapshotStore {
  private readonly version: Promise<string | undefined>;
  private writing: Promise<void> = Promise.resolve();

  /** `code`: the file that resolves the corpus (the extension's script), whose hash stamps the snapshot. */
  constructor(private readonly folder: vscode.Uri | undefined, code: vscode.Uri) {
    this.version = folder
      ? codeStamp(code).then(stamp => `s${SNAPSHOT_FORMAT}-${stamp}`, () => undefined)
      : Promise.resolve(undefined);
  }

  /** The snapshot the last session left, if there is one this code can read. */
  async read(): Promise<CorpusSnapshot | undefined> {
    const version = await this.version;
    if (!this.folder || !version) return undefined;
    try {
      const text = new TextDecoder().decode(await readBytes(vscode.Uri.joinPath(this.folder, FILE)));
      const newline = text.indexOf('\n');
      if (text.slice(0, newline) !== version) return undefined;
      return decodeSnapshot(text.slice(newline + 1));
    } catch {
      return undefined; // none yet, or damaged: the views fill as the folder is read
    }
  }

  /** Keeps `encoded` (encodeSnapshot's) as the snapshot the next session reads; writes one at a time. */
  write(encoded: string): Promise<void> {
    this.writing = this.writing.then(async () => {
      const version = await this.version;
      if (!this.folder || !version) return;
      const target = vscode.Uri.joinPath(this.folder, FILE);
      const temp = vscode.Uri.joinPath(this.folder, `.${FILE}.tmp`);
      try {
        await writeBytes(temp, new TextEncoder().encode(`${version}\n${encoded}`));
        await replaceFile(temp, target);
      } catch (e) {
        console.warn(`Source Annotator: the lists could not be kept for the next session (${(e as Error).message})`);
      }
    });
    return this.writing;
  }
}
