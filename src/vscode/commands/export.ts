import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXPORT_FILE_NAMES as FILES, exportAs, exportChunks, type ExportFormat } from '../../core/export';
import type { CorpusService } from '../corpusService';

/** Writes JSON, CSV, a Markdown report and a TimelineJS timeline of the whole corpus into a folder the user picks. */
export async function exportAnnotations(corpus: CorpusService, target?: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  await corpus.ready();
  const folder = target ?? (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here', title: 'Export annotations (JSON, CSV, a Markdown report and a TimelineJS timeline) to…',
    defaultUri: besideTheWorkspace(),
  }))?.[0];
  if (!folder) return undefined;
  // what the corpus says now: edits made while the files are written do not reach into them
  const now = corpus.view();
  const view = { ...now, articles: new Map(now.articles), entities: new Map(now.entities) };
  const relative = (article: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(article), false);
  const written: vscode.Uri[] = [];
  for (const format of Object.keys(FILES) as ExportFormat[]) {
    const uri = vscode.Uri.joinPath(folder, FILES[format]);
    if (uri.scheme === 'file') await writeInPieces(uri, exportChunks(format, view, relative));
    else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportAs(format, view, relative)));
    written.push(uri);
  }
  if (!target) {
    void vscode.window.showInformationMessage(`Exported ${view.articles.size} articles to ${folder.path.split('/').pop()}.`, 'Open Report').then(choice => {
      if (choice) void vscode.commands.executeCommand('markdown.showPreview', written[2]);
    });
  }
  return written;
}

/**
 * Writes an export an article at a time to a temporary sibling renamed over the file, letting the extension
 * host breathe between pieces: a corpus of thousands of articles is never one string in memory, and the
 * editor stays responsive. A failed write leaves no temporary file behind.
 */
async function writeInPieces(uri: vscode.Uri, chunks: Iterable<string>): Promise<void> {
  const temp = path.join(path.dirname(uri.fsPath), `.${path.basename(uri.fsPath)}.${process.pid}.tmp`);
  const file = await fs.open(temp, 'w');
  try {
    let n = 0;
    for (const chunk of chunks) {
      await file.write(chunk);
      if (++n % 50 === 0) await new Promise(resolve => setImmediate(resolve));
    }
    await file.close();
    await fs.rename(temp, uri.fsPath);
  } catch (e) {
    await file.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/**
 * Where the export dialog opens: the folder that holds the workspace folder. An export is a copy of what
 * the folder of articles says, so a user looks for it beside that folder, as for a zip of it — and there it
 * is outside the corpus: the files are never read as articles, and they stay out of the folder's git
 * history unless the user chooses otherwise. (Exported into the workspace anyway, they are still no
 * articles: src/core/articlePolicy.ts.) When that parent is itself in the workspace (a multi-root workspace
 * holding both) or there is none, the dialog's own default is used (usually the home folder).
 */
function besideTheWorkspace(): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return undefined;
  const parent = vscode.Uri.joinPath(folders[0].uri, '..');
  if (parent.path === folders[0].uri.path) return undefined; // the workspace is a root folder
  return vscode.workspace.getWorkspaceFolder(parent) ? undefined : parent;
}
