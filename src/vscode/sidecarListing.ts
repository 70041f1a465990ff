import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/annotations/model';
import { fileName } from './convert';

/**
 * Which sidecars exist, while a scan reads a folder: each folder's sidecars listed once (one directory read)
 * instead of a failed look-up per article that has none. A scan of 10,000 articles without sidecars made
 * 20,000 of them, and each failure costs the main thread an error object: a fifth of a warm start.
 *
 * Only ever says "none" for a sidecar that was not there when its folder was listed and of which nothing was
 * heard since (the watcher, or our own save, `touch`): anything else is read from the disk as usual. Saves
 * never ask it. Files on other file systems than the disk are always read.
 */
export class SidecarListing {
  private readonly folders = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  /** Sidecars created, changed or deleted since the listing began (by another program or by us). */
  private readonly touched = new Set<string>();

  /** Whether the sidecar may exist: false only when its folder's listing lacks it and nothing was heard of it since. */
  async mayExist(sidecar: vscode.Uri): Promise<boolean> {
    if (sidecar.scheme !== 'file' || this.touched.has(sidecar.toString())) return true;
    const folder = vscode.Uri.joinPath(sidecar, '..');
    const key = folder.toString();
    let names = this.folders.get(key);
    if (!names) this.folders.set(key, (names = sidecarsIn(folder.fsPath)));
    const listed = await names;
    // names compared in lower case: on a disk that ignores case, a sidecar named in another case is found by a read
    return !listed || listed.has(fileName(sidecar).toLowerCase()) || this.touched.has(sidecar.toString());
  }

  /** Something happened to this sidecar since the listing began: it is read from the disk from now on. */
  touch(sidecar: vscode.Uri): void {
    this.touched.add(sidecar.toString());
  }
}

/** The names of a folder's sidecars; undefined when it cannot be listed (then every sidecar is read). */
async function sidecarsIn(folder: string): Promise<ReadonlySet<string> | undefined> {
  try {
    const names = new Set<string>();
    for (const name of await fs.readdir(folder)) if (name.toLowerCase().endsWith(SIDECAR_SUFFIX)) names.add(name.toLowerCase());
    return names;
  } catch {
    return undefined;
  }
}
