// The CLI's inputs read from disk: which files under the given paths are articles, their text and their
// sidecars. Whatever is not a readable file — a named pipe, a socket, a device, a link to nothing, a link
// loop, a file or folder the user may not read — is skipped with one line on stderr, and the rest is read:
// one bad file never stops the others. A named pipe is never opened for reading (it would wait forever).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSidecar, refused, type ParsedSidecar } from './core/annotations/codec';
import { readSidecarSteps, type SidecarBytes, type SidecarFacts } from './core/annotations/sidecarFile';
import { sidecarName, type Sidecar } from './core/annotations/model';
import type { SidecarRead } from './core/annotations/save';
import { DEFAULT_ARTICLE_PATTERNS, isArticlePath, isExcludedFolder, isOwnFile, type ArticlePatterns } from './core/articlePolicy';
import { decodeArticle } from './core/text/decode';

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

/** What a path is, in words, when it is not a file; undefined for a file. */
function notAFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a named pipe, not a file';
  if (stat.isSocket()) return 'a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a file';
  return 'not a file';
}

/** A file-system error in words, without the errno text. */
function inWords(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'a symbolic link loop';
    case 'ENOENT': return 'it no longer exists';
    case 'ENAMETOOLONG': return 'its name is too long';
    case 'EISDIR': return 'a folder, not a file';
    case 'EIO': return 'the disk could not read it';
    default: return `it cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

/** The path's stat, following a link; or why it cannot be followed (a link to nothing, a loop, permission denied). */
function follow(file: string): fs.Stats | string {
  try {
    return fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let isLink = false;
    try { isLink = fs.lstatSync(file).isSymbolicLink(); } catch { /* the path itself is gone */ }
    if (isLink && code === 'ENOENT') return 'a symbolic link to a file that does not exist';
    return inWords(e);
  }
}

/** Whether the path exists at all (a link to nothing exists: it is skipped, not a mistyped name). */
export function pathExists(file: string): boolean {
  try { fs.lstatSync(file); return true; } catch { return false; }
}

export function isFolder(file: string): boolean {
  const stat = follow(file);
  return typeof stat !== 'string' && stat.isDirectory();
}

/** Why a path is not read as a regular file, checked before it is opened; undefined when it is one. */
export function whyNotReadable(file: string): string | undefined {
  const stat = follow(file);
  return typeof stat === 'string' ? stat : notAFile(stat);
}

/**
 * The bytes of a regular file. It is opened without waiting (a named pipe put in its place since it was
 * checked is not waited on) and checked again once open; throws an error whose message is in words.
 */
function readRegularFile(file: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const why = notAFile(fs.fstatSync(fd));
    if (why) throw Object.assign(new Error(why), { code: 'NOTAFILE' });
    return new Uint8Array(fs.readFileSync(fd));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(code === 'NOTAFILE' ? (e as Error).message : inWords(e)), { code });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
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

/**
 * The sidecar file's bytes; undefined when there is none; a refusal when it is too large, not a file, a link
 * to nothing or a loop (then it is not read, and never written over).
 */
export function readSidecarFile(file: string): SidecarRead {
  if (!pathExists(file)) return undefined;
  const stat = follow(file);
  if (typeof stat === 'string') return { refused: refused(`The annotations file cannot be read: ${stat}.`) };
  const why = notAFile(stat);
  if (why && !stat.isDirectory()) return { refused: refused(`The annotations file is ${why}.`) };
  const steps = readSidecarSteps();
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    if (step.value.op === 'stat') {
      let facts: SidecarFacts;
      try { const now = fs.statSync(file); facts = { isFile: now.isFile(), size: now.size }; } catch { facts = undefined; }
      step = steps.next(facts);
    } else {
      let bytes: SidecarBytes;
      try { bytes = readRegularFile(file); } catch (e) { bytes = { error: e as Error, gone: (e as NodeJS.ErrnoException).code === 'ENOENT' }; }
      step = steps.next(bytes);
    }
  }
}

export function reportProblems(file: string, parsed: Pick<ParsedSidecar, 'problems' | 'warnings'>): void {
  for (const p of parsed.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
  for (const w of parsed.warnings) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
}

/** The article's sidecar; a broken one is reported on stderr and yields no annotations (it is never rewritten). */
export function readSidecar(article: string): { sidecar: Sidecar | null; exists: boolean } {
  const file = sidecarPath(article);
  const raw = readSidecarFile(file);
  if (raw === undefined) return { sidecar: null, exists: false };
  const parsed = raw instanceof Uint8Array ? decodeSidecar(raw, path.basename(article)) : raw.refused;
  reportProblems(file, parsed);
  return { sidecar: parsed.sidecar, exists: true };
}
