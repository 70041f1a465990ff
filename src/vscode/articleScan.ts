import * as vscode from 'vscode';
import { findArticles } from './articleFiles';
import type { ArticleSync, ArticleText } from './articleSync';
import { refreshInterval, SCAN_REFRESH } from '../core/corpus/pacing';
import type { ScanHandle } from './scanTracker';
import { SLICE_MS } from './resolveSlices';
import type { Settings } from './settings';

/**
 * How many articles are read at once during a scan: enough that the analysis worker always has the next ones
 * waiting while the main thread resolves what arrived (a second or more at 10,000 articles; src/vscode/analysisWorker.ts).
 */
const READERS = 128;

// A scan works at most SLICE_MS before it lets the extension host answer what waits (a view asking for its
// rows, a hover, VS Code's own requests). Articles found in the index arrive without waiting on anything slow:
// their readers' promises chain one into the next, and without a pause every request would wait for the scan.
let sliceStarted = Date.now();
let pause: Promise<void> | undefined;

/**
 * Lets whatever waits on the event loop run once the scan has worked for a slice: every reader waits on the
 * same pause, and the slice starts again when it ends (a pause per reader would give each a slice of its own).
 */
function breathe(): Promise<void> | undefined {
  if (pause || Date.now() - sliceStarted < SLICE_MS) return pause;
  pause = new Promise<void>(resolve => setImmediate(() => {
    pause = undefined;
    sliceStarted = Date.now();
    resolve();
  }));
  return pause;
}

/** What a scan reads the articles with, and where it brings what it read. */
export interface ScanHost {
  /** Resolves once the entity model is loaded (or could not be): the scan waits for it. */
  readonly modelLoaded: Promise<void>;
  /** The settings as they are when the scan reads them. */
  settings(): Settings;
  readonly sync: ArticleSync;
  /** Brings an article's text into the corpus; `notify`: the views show it at once. */
  arrive(uri: vscode.Uri, got: ArticleText, notify: boolean, stillThere: () => Promise<boolean>): Promise<void>;
  /** An article not read (too large to analyse, or not a file) leaves the corpus. */
  removed(uri: vscode.Uri): void;
  /**
   * Tells the views what arrived (resolving it first); settles once they have been told. `all`: once every
   * article brought in so far is resolved and shown (some may wait for a resolve under way to come in).
   */
  notify(all?: boolean): Promise<void>;
  /** How long the last resolve that changed something took. */
  lastResolveMs(): number;
  /** After a whole scan: drops the stored analyses no article used. */
  prune(): void;
  /** The folder's articles as listed, before any is read. */
  listed?(uris: readonly vscode.Uri[]): void;
  /** While the scan lasts, sidecars are looked up in their folder's listing (SidecarStore.listSidecars). */
  listSidecars(): vscode.Disposable;
}

/**
 * Reads every article of the workspace (up to `sourceAnnotator.maxArticles`), the open ones first, a few at a
 * time, reporting its progress to `scan` and stopping when it is cancelled (what it read stays).
 */
export async function scanArticles(scan: ScanHandle, host: ScanHost): Promise<void> {
  const sidecars = host.listSidecars();
  try {
    const settings = host.settings();
    const limit = settings.maxArticles;
    const found = await findArticles(settings, limit, scan.token); // listed while the model loads
    const more = found.more;
    host.listed?.(found.uris);
    await host.modelLoaded;
    // the open articles first: a highlight never waits for the whole folder to be read
    const isOpen = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
    const opened = found.uris.filter(u => isOpen.has(u.toString()));
    const uris = [...opened, ...found.uris.filter(u => !isOpen.has(u.toString()))];
    const open = opened.length;
    scan.report({ total: uris.length, limitedTo: more ? limit : undefined });
    // many articles in flight, so that reading files and sidecars overlaps the analysis; the views fill
    // as the articles arrive (each resolve brings in only the articles read since the last one)
    let next = 0;
    let read = 0;
    let shown = Date.now();
    const reader = async () => {
      while (next < uris.length && !scan.token.isCancellationRequested) {
        await breathe();
        const position = next++;
        const uri = uris[position];
        const stillThere = host.sync.readGuard(uri);
        const got = await host.sync.read(uri).catch(() => null); // null: unreadable or gone
        if (got === undefined) host.removed(uri); // not read: too large to analyse, or not a file
        else if (got) await host.arrive(uri, got, position < open, stillThere); // an open article shows at once
        scan.report({ read: ++read });
        if (Date.now() - shown > refreshInterval(SCAN_REFRESH, host.lastResolveMs())) { shown = Date.now(); host.notify(); }
      }
    };
    await Promise.all(Array.from({ length: READERS }, reader));
    // what arrived since the last refresh is resolved before the scan says it ended: the views say "Reading
    // articles…" until they show the whole folder (the last resolve of 10,000 articles takes seconds)
    await host.notify(true);
    if (!scan.token.isCancellationRequested) host.prune();
  } finally {
    sidecars.dispose();
    scan.end();
  }
  host.sync.readShown(vscode.window.visibleTextEditors);
  void host.notify();
}
