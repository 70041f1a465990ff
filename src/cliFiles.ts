// The CLI's inputs read from disk: which files under the given paths are articles, their text and their
// sidecars. Whatever is not a readable file — a named pipe, a socket, a device, a link to nothing, a link
// loop, a file or folder the user may not read — is skipped with one line on stderr, and the rest is read:
// one bad file never stops the others. A named pipe is never opened for reading (it would wait forever).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSidecar, type ParsedSidecar } from './core/annotations/codec';
import { sidecarName, type Sidecar } from './core/annotations/model';
import { follow, inWords, notAFile, readRegularFile, readSidecarFile, whyNotReadable } from './node/diskFiles';
import { DEFAULT_ARTICLE_PATTERNS, isArticlePath, isExcludedFolder, isOwnFile, type ArticlePatterns } from './core/articlePolicy';
import { decodeArticle } from './core/text/decode';
import { findPublished, type PublishedHints } from './core/dates/published';
import { dayValue, toDay } from './core/dates/calendar';

/** The extension's default article and exclude globs; extensions in any case (`NOTES.TXT`), as the CLI always read them. */
const ARTICLES: ArticlePatterns = { ...DEFAULT_ARTICLE_PATTERNS, ignoreCase: true };

/**
 * What a command left out: inputs skipped (each said once on stderr) and sidecars refused (their problems are
 * said where they are read). A quiet one says nothing (a first pass whose reader reports again).
 */
export class LeftOut {
  count = 0;
  private readonly said = new Set<string>();
  constructor(private readonly quiet = false) {}

  skip(file: string, why: string): void {
    this.count++;
    this.say(`skipped ${file}: ${why}`);
  }

  /** A line on stderr, once. */
  say(line: string): void {
    if (this.quiet || this.said.has(line)) return;
    this.said.add(line);
    process.stderr.write(`${line}\n`);
  }

  sidecarRefused(): void {
    this.count++;
  }
}

/**
 * Article files under the given files and folders, in a stable order: in a folder, the files the extension
 * reads as articles (src/core/articlePolicy.ts), paths relative to the folder. A file named on the command
 * line is read whatever its name, unless Source Annotator wrote it (an export, a sidecar): that is said on
 * stderr. Entries with an article's name that are not files, folders that cannot be read and links back to
 * a folder they are in are skipped (`leftOut`). Every input must exist (see `pathExists`).
 */
export function articleFiles(inputs: string[], leftOut: LeftOut): string[] {
  const found: string[] = [];
  const walk = (folder: string, relative: string, above: Set<string>) => {
    let entries: string[];
    try { entries = fs.readdirSync(path.join(folder, relative)).sort(); } catch (e) { leftOut.skip(path.join(folder, relative), inWords(e)); return; }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry}` : entry;
      const full = path.join(folder, child);
      const stat = follow(full);
      if (typeof stat !== 'string' && stat.isDirectory()) {
        if (isExcludedFolder(child, ARTICLES)) continue;
        const id = `${stat.dev}:${stat.ino}`;
        if (above.has(id)) leftOut.skip(full, 'a symbolic link loop (a link to a folder it is in)');
        else walk(folder, child, new Set(above).add(id));
      } else if (isArticlePath(child, ARTICLES)) {
        const why = typeof stat === 'string' ? stat : notAFile(stat);
        if (why) leftOut.skip(full, why); else found.push(full);
      }
    }
  };
  for (const input of inputs) {
    const stat = follow(input);
    if (typeof stat !== 'string' && stat.isDirectory()) walk(input, '', new Set([`${stat.dev}:${stat.ino}`]));
    else if (isOwnFile(path.basename(input))) leftOut.say(`${input}: skipped, written by Source Annotator (not an article)`);
    else {
      const why = typeof stat === 'string' ? stat : notAFile(stat);
      if (why) leftOut.skip(input, why); else found.push(input);
    }
  }
  return [...new Set(found)];
}

/** The article's text as the editor shows it (the offsets the CLI reads and prints are the extension's); throws, in words. */
function articleText(file: string): string {
  const why = whyNotReadable(file);
  if (why) throw new Error(why);
  return decodeArticle(readRegularFile(file));
}

/** The article's text; undefined, with a line on stderr, when it is not a file that can be read. */
export function readArticle(file: string, leftOut: LeftOut): string | undefined {
  try {
    return articleText(file);
  } catch (e) {
    leftOut.skip(file, (e as Error).message);
    return undefined;
  }
}

/** The text of the one article a command works on; throws, in words, when it cannot be read. */
export function readOneArticle(file: string): string {
  try {
    return articleText(file);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

export function sidecarPath(article: string): string {
  return path.join(path.dirname(article), sidecarName(path.basename(article)));
}

export function reportProblems(file: string, parsed: Pick<ParsedSidecar, 'problems' | 'warnings'>): void {
  for (const p of parsed.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
  for (const w of parsed.warnings) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
}

/** The article's sidecar; a broken one is reported on stderr and yields no annotations (it is never rewritten). */
export function readSidecar(article: string, maxBytes?: number, quiet = false): { sidecar: Sidecar | null; exists: boolean } {
  const file = sidecarPath(article);
  const raw = readSidecarFile(file, maxBytes);
  if (raw === undefined) return { sidecar: null, exists: false };
  const parsed = raw instanceof Uint8Array ? decodeSidecar(raw, path.basename(article), maxBytes) : raw.refused;
  if (!quiet) reportProblems(file, parsed);
  return { sidecar: parsed.sidecar, exists: true };
}

/**
 * What gives an article's publication date besides its text: the user's (the sidecar's `published`), the
 * command line's --published, and the file's modification day (looked up only when the text states no date).
 */
export function publishedHints(file: string, text: string, user: string | undefined, option: string | undefined): PublishedHints {
  let mtime: string | undefined;
  if (!user && !findPublished(text)) {
    try {
      const day = toDay(fs.statSync(file).mtime);
      mtime = day && dayValue(day);
    } catch {
      // gone meanwhile: no guess
    }
  }
  return { ...(user ? { user } : {}), ...(option ? { option } : {}), ...(mtime ? { file: mtime } : {}) };
}
