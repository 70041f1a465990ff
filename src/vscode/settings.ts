import * as vscode from 'vscode';

/** Typed access to the `sourceAnnotator.*` settings. */
export interface Settings {
  articles: string;
  exclude: string;
  highlightEntities: boolean;
  highlightQuotes: boolean;
  highlightDates: boolean;
  maxArticleSizeKB: number;
  /** Sidecars larger than this are not read, and no save makes one larger. */
  maxSidecarSizeKB: number;
  /** How many articles of the folder are read (a folder with more gets a warning; opened articles are always read). */
  maxArticles: number;
  analysisDelayMs: number;
  author: string;
  /** The verdicts a claim can be given (True, Mostly true, Misleading, False, Unproven). */
  claimRatings: string[];
  /** Wrap articles at the window's edge when they are opened (in memory, for that file only). */
  wordWrap: boolean;
}

export const DEFAULT_CLAIM_RATINGS = ['True', 'Mostly true', 'Misleading', 'False', 'Unproven'];

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('sourceAnnotator');
  return {
    articles: c.get('articles', '**/*.{txt,md}'),
    exclude: c.get('exclude', '**/{node_modules,.git,dist,out}/**'),
    highlightEntities: c.get('highlight.entities', true),
    highlightQuotes: c.get('highlight.quotes', true),
    highlightDates: c.get('highlight.dates', true),
    maxArticleSizeKB: c.get('maxArticleSizeKB', 2048),
    maxSidecarSizeKB: atLeastOne(c.get('maxSidecarSizeKB', 5120), 5120),
    maxArticles: atLeastOne(c.get('maxArticles', 20000), 20000),
    analysisDelayMs: c.get('analysisDelayMs', 400),
    author: c.get('author', ''),
    claimRatings: words(c.get('claimRatings'), DEFAULT_CLAIM_RATINGS),
    wordWrap: c.get('wordWrap', true),
  };
}

/** A list of words the user typed: the non-empty ones, once each; the default when none is left. */
function words(value: unknown, fallback: string[]): string[] {
  const list = Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string').map(v => v.trim()).filter(Boolean))] : [];
  return list.length ? list : fallback;
}

/** A count the user typed: whole, at least 1; the default when it is no number at all. */
function atLeastOne(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}

export function onSettingsChanged(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(e => {
    if (e.affectsConfiguration('sourceAnnotator')) listener(readSettings());
  });
}
