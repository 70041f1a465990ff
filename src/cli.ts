import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { makeAnchor, resolveAnchor } from './core/annotations/anchor';
import { MAX_SIDECAR_BYTES, publishedDate } from './core/annotations/codec';
import { LOCK_WAIT_MS } from './core/annotations/sidecarLock';
import { ANNOTATION_KINDS, newAnnotationId, type Annotation, type AnnotationKind } from './core/annotations/model';
import { UnreadableSidecarError, type SaveOptions, type SaveResult } from './core/annotations/save';
import { writeErrorWords } from './core/annotations/saveErrors';
import { saveOnDisk, type DiskSaveHooks } from './node/sidecarDisk';
import { Corpus } from './core/corpus';
import { articleRecord, EXPORT_FORMATS, exportChunks, type ExportFormat } from './core/export';
import { splitAt } from './core/text/codePoints';
import { lazyModelRecogniser, ruleRecogniser, type EntityRecogniser } from './core/ner';
import { DEFAULT_MAX_LENGTH } from './core/analysis';
import type { ArticleAnalysis } from './core/model';
import { analyseInWorkers } from './cliWorkers';
import { installMergeDriverCommand, mergeSidecarsCommand } from './cliMerge';
import { articleFiles, LeftOut, publishedHints, readArticle, readOneArticle, readSidecar, reportProblems, sidecarPath } from './cliFiles';
import { isFolder, pathExists } from './node/diskFiles';
import { readSpeakerModel } from './node/speakerModelFile';

const USAGE = `Source Annotator CLI

  source-annotator analyze --format jsonl [--published YYYY-MM-DD] <files or folders...> [--model FILE | --rules]
      One JSON object per article: its publication date, entities (dates with their values), quotes (with
      speakers) and events. Entities come from the trained model media/ner-model.bin (or FILE); --rules uses
      the word-list rules. Speakers are chosen by the trained model media/speaker-model.json, and each quote's
      confidence is its calibrated probability that the speaker is right. Dates are counted from the article's publication date: the one set in its sidecar,
      else the one its text states, else --published, else the file's modification day (a guess).
  source-annotator export <folder> --format json|csv|md|timelinejs --out <file>
      The corpus's annotations, automatic and the user's.
  source-annotator annotate <article> --start N --end M --kind KIND [--note "…"] [--label "…"] [--wait-seconds S]
      Adds an annotation to the article's sidecar, as the editor does. KIND: ${ANNOTATION_KINDS.join(', ')}.
      Waits up to S seconds (30) for another program saving the same sidecar; exit 1 when nothing was saved.
  source-annotator annotations <article> --format json
      The article's annotations re-anchored against its current text (the sidecar is not rewritten):
      status anchored, moved, needs-review (start/end of the candidate) or orphaned (start/end null).
  source-annotator install-merge-driver [folder]
      Makes git merge annotations files by id (two branches that each add annotations never conflict):
      sets the merge driver in the repository's git config and adds it to .gitattributes.
  source-annotator merge-sidecars <ancestor> <ours> <theirs> [<path>]
      The merge driver itself, as git runs it (%O %A %B %P).

  --max-sidecar-kb KB  sidecars larger than this are not read, and no save makes one larger (default 5120).

  Exit status: 0 done; 1 failed; 2 wrong usage; 3 done, but inputs that are not readable files were
  skipped or sidecars refused (each said on stderr).
`;

class UsageError extends Error {}

/** The exit status when the command did its work but skipped inputs or refused sidecars (0: all done; 1: failed; 2: usage). */
export const SOME_LEFT_OUT = 3;

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rules') { flags.set('rules', 'true'); continue; }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else positional.push(a);
  }
  return { positional, flags };
}

/**
 * --max-sidecar-kb: the size limit of sidecars, read and written (the setting sourceAnnotator.maxSidecarSizeKB).
 */
function sidecarLimit(flags: Map<string, string>): number {
  const kb = Number(flags.get('max-sidecar-kb') ?? MAX_SIDECAR_BYTES / 1024);
  if (!Number.isInteger(kb) || kb < 1) throw new UsageError('--max-sidecar-kb must be a whole number of KB, at least 1');
  return kb * 1024;
}

/**
 * Changes an article's sidecar as the extension does (src/core/annotations/save.ts, src/node/sidecarDisk.ts):
 * under the sidecar's lock, the change is applied to what is on disk, written to a temporary sibling and renamed
 * over it; a write by a program that ignores the lock is merged in by id. Throws (in words) when the save did
 * not happen: the sidecar cannot be read, is read-only, would be too large, or another save held the lock too long.
 */
export function saveSidecarFile(article: string, text: string, change: (annotations: Annotation[]) => Annotation[], options: SaveOptions = {}, hooks: DiskSaveHooks = {}): SaveResult {
  const file = sidecarPath(article);
  try {
    return saveOnDisk(file, path.basename(article), text, change, options, hooks);
  } catch (e) {
    if (!(e instanceof UnreadableSidecarError)) throw e;
    reportProblems(file, { problems: e.problems, warnings: [] });
    throw new Error(`${file} cannot be read; fix it first (it is left untouched)`);
  }
}

/** --published YYYY-MM-DD: the publication date of the articles whose text states none. */
function publishedOption(flags: Map<string, string>): string | undefined {
  const value = flags.get('published');
  if (value !== undefined && !publishedDate(value)) throw new UsageError(`--published must be a date written YYYY-MM-DD (2019-02-27), not ${value}`);
  return value;
}

/** The shipped entity model (media/ner-model.bin beside dist/), another one given by --model, or the rules with --rules. */
function recogniser(flags: Map<string, string>): EntityRecogniser {
  if (flags.get('rules') === 'true') return ruleRecogniser;
  const file = flags.get('model') ?? path.join(__dirname, '..', 'media', 'ner-model.bin');
  if (!fs.existsSync(file)) {
    if (flags.has('model')) throw new UsageError(`no model at ${file}`);
    process.stderr.write(`source-annotator: no entity model at ${file}; using the rules\n`);
    return ruleRecogniser;
  }
  // the tables are built only if this thread tags (workers usually do)
  return lazyModelRecogniser(new Uint8Array(fs.readFileSync(file)));
}

/** The shipped speaker model (media/speaker-model.json beside dist/); without it the rules choose speakers. */
const SPEAKER_MODEL = path.join(__dirname, '..', 'media', 'speaker-model.json');

/** Analyses made on every core before `main` runs (large inputs only; see `run`), by file. */
const preAnalysed = new Map<string, { text: string; analysis: ArticleAnalysis }>();

/** The articles that could be read, with their sidecars; what could not is in `leftOut` (and said on stderr). */
function loadCorpus(files: string[], flags: Map<string, string>, leftOut: LeftOut): { corpus: Corpus; read: string[] } {
  const corpus = new Corpus({ recogniser: recogniser(flags), speakerModel: readSpeakerModel(SPEAKER_MODEL, m => process.stderr.write(`source-annotator: ${m}\n`)) });
  const read: string[] = [];
  const maxSidecarBytes = sidecarLimit(flags);
  const option = publishedOption(flags);
  for (const file of files) {
    const ready = preAnalysed.get(file);
    const text = ready?.text ?? readArticle(file, leftOut);
    if (text === undefined) continue;
    if (ready) corpus.primeAnalysis(ready.text, ready.analysis);
    const { sidecar, exists } = readSidecar(file, maxSidecarBytes);
    if (exists && !sidecar) leftOut.sidecarRefused();
    corpus.setPublished(file, publishedHints(file, text, sidecar?.published, option));
    corpus.setArticle(file, text, sidecar?.annotations ?? []);
    read.push(file);
  }
  preAnalysed.clear();
  return { corpus, read };
}

/** From this many articles on, `analyze` and `export` analyse them on every core first. */
const WORKERS_FROM = 16;

/**
 * The command line's entry: for `analyze` and `export` of many articles, the articles are analysed in worker
 * threads on every core first (the output is the same as in one thread); then `main` runs.
 */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'analyze' || command === 'export') {
    try {
      const { positional, flags } = parseArgs(rest);
      const inputs = command === 'export' ? positional.slice(0, 1) : positional;
      const quiet = new LeftOut(true); // main says what is skipped
      const listed = inputs.every(pathExists) ? articleFiles(inputs, quiet) : [];
      const readable = listed.map(file => ({ file, text: readArticle(file, quiet) })).filter(a => a.text !== undefined);
      const files = readable.map(a => a.file);
      const texts = readable.map(a => a.text!);
      if (files.length >= WORKERS_FROM) {
        const model = flags.get('rules') === 'true' ? null : flags.get('model') ?? path.join(__dirname, '..', 'media', 'ner-model.bin');
        const option = publishedOption(flags);
        const published = files.map((file, i) => publishedHints(file, texts[i], readSidecar(file, sidecarLimit(flags), true).sidecar?.published, option));
        const analyses = await analyseInWorkers(texts, { script: path.join(__dirname, 'worker.js'), modelPath: model !== null && fs.existsSync(model) ? model : null, ...(fs.existsSync(SPEAKER_MODEL) ? { speakerModelPath: SPEAKER_MODEL } : {}), maxLength: DEFAULT_MAX_LENGTH, published });
        if (analyses) files.forEach((file, i) => preAnalysed.set(file, { text: texts[i], analysis: analyses[i] }));
      }
    } catch {
      preAnalysed.clear(); // main reports what is wrong with the arguments or the files
    }
  }
  return main(argv);
}

/** The article files under the inputs; a mistyped input is a usage error (a link to nothing is skipped, not mistyped). */
function inputFiles(inputs: string[], leftOut: LeftOut): string[] {
  const missing = inputs.find(input => !pathExists(input));
  if (missing !== undefined) throw new UsageError(`no such file or folder: ${missing}`);
  return articleFiles(inputs, leftOut);
}

function analyze(positional: string[], flags: Map<string, string>, leftOut: LeftOut): void {
  const format = flags.get('format') ?? 'jsonl';
  if (format !== 'jsonl') throw new UsageError(`unknown format ${format} (analyze prints jsonl)`);
  if (!positional.length) throw new UsageError('analyze needs files or folders');
  const { corpus, read } = loadCorpus(inputFiles(positional, leftOut), flags, leftOut);
  const view = corpus.resolve();
  for (const file of read) {
    const record = articleRecord(view, file);
    if (record.skipped) process.stderr.write(`${file}: not analysed: ${record.skipped}\n`);
    process.stdout.write(JSON.stringify(record) + '\n');
  }
}

function exportCommand(positional: string[], flags: Map<string, string>, leftOut: LeftOut): void {
  const format = (flags.get('format') ?? 'json') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown format ${format}: ${EXPORT_FORMATS.join(', ')}`);
  const folder = positional[0];
  if (!folder) throw new UsageError('export needs a folder');
  const view = loadCorpus(inputFiles([folder], leftOut), flags, leftOut).corpus.resolve();
  const root = isFolder(folder) ? folder : path.dirname(folder);
  const chunks = exportChunks(format, view, p => path.relative(root, p).split(path.sep).join('/'));
  const out = flags.get('out');
  if (out) {
    writeAtomic(out, chunks);
    process.stderr.write(`wrote ${out}\n`);
  } else for (const chunk of chunks) process.stdout.write(chunk);
}

/** Writes the pieces to a temporary sibling, then renames it over the file: never half a file, never a temporary file left. */
function writeAtomic(file: string, chunks: Iterable<string>): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'w');
    for (const chunk of chunks) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new Error(`cannot write ${file}: ${code === 'EISDIR' ? 'a folder has that name' : writeErrorWords(code)}; nothing was written`);
  }
}

function annotate(positional: string[], flags: Map<string, string>): void {
  const article = positional[0];
  if (!article || !pathExists(article)) throw new UsageError('annotate needs an existing article');
  const kind = flags.get('kind') as AnnotationKind;
  if (!ANNOTATION_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${ANNOTATION_KINDS.join(', ')}`);
  const text = readOneArticle(article);
  const start = Number(flags.get('start'));
  const end = Number(flags.get('end'));
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) throw new UsageError(`--start and --end must be offsets with 0 ≤ start < end ≤ ${text.length}`);
  for (const [flag, at] of [['start', start], ['end', end]] as const) {
    const split = splitAt(text, at);
    if (split) throw new UsageError(`--${flag} ${at} is in the middle of ${split}: use ${at - 1} or ${at + 1}`);
  }
  const maxSidecarBytes = sidecarLimit(flags);
  const { sidecar, exists } = readSidecar(article, maxSidecarBytes); // reports its problems and warnings (what is ignored is kept as written)
  if (exists && !sidecar) throw new Error(`${sidecarPath(article)} cannot be read; fix it first (it is left untouched)`);
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: newAnnotationId(), kind, ...(flags.has('label') ? { label: flags.get('label')! } : {}), ...(flags.has('note') ? { note: flags.get('note')! } : {}),
    links: {}, author: flags.get('author') ?? os.userInfo().username, created: now, updated: now, anchor: makeAnchor(text, { start, end }),
  };
  const wait = Number(flags.get('wait-seconds') ?? LOCK_WAIT_MS / 1000);
  if (!(wait >= 0)) throw new UsageError('--wait-seconds must be a number of seconds');
  saveSidecarFile(article, text, list => [...list, annotation], { maxBytes: maxSidecarBytes, lockWaitMs: wait * 1000 });
  process.stdout.write(JSON.stringify({ id: annotation.id, kind, start, end, text: annotation.anchor.text }) + '\n');
}

function listAnnotations(positional: string[], flags: Map<string, string>): void {
  const article = positional[0];
  if (!article || !pathExists(article)) throw new UsageError('annotations needs an existing article');
  if ((flags.get('format') ?? 'json') !== 'json') throw new UsageError('annotations prints json');
  const text = readOneArticle(article);
  const { sidecar, exists } = readSidecar(article, sidecarLimit(flags));
  if (exists && !sidecar) throw new Error(`${sidecarPath(article)} cannot be read`);
  const list = (sidecar?.annotations ?? []).map(a => {
    const placed = resolveAnchor(text, a.anchor);
    if (a.anchor.end > text.length) process.stderr.write(`${sidecarPath(article)}: warning: annotation ${a.id} says it is at ${a.anchor.start}–${a.anchor.end}, beyond the end of the article (${text.length} characters); found by its text: ${placed.status}\n`);
    return { id: a.id, kind: a.kind, note: a.note ?? null, status: placed.status, start: placed.span?.start ?? null, end: placed.span?.end ?? null, text: placed.span ? text.slice(placed.span.start, placed.span.end) : a.anchor.text };
  });
  process.stdout.write(JSON.stringify(list, null, 2) + '\n');
}

export function main(argv: string[]): number {
  try {
    const [command, ...rest] = argv;
    const { positional, flags } = parseArgs(rest);
    const leftOut = new LeftOut();
    switch (command) {
      case 'analyze': analyze(positional, flags, leftOut); break;
      case 'export': exportCommand(positional, flags, leftOut); break;
      case 'annotate': annotate(positional, flags); break;
      case 'annotations': listAnnotations(positional, flags); break;
      case 'merge-sidecars': return mergeSidecarsCommand(positional);
      case 'install-merge-driver': return installMergeDriverCommand(positional, __filename);
      case undefined: case 'help': case '--help': case '-h': process.stdout.write(USAGE); return command ? 0 : 2;
      default: throw new UsageError(`unknown command ${command}`);
    }
    return leftOut.count ? SOME_LEFT_OUT : 0;
  } catch (e) {
    process.stderr.write(`source-annotator: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(`\n${USAGE}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) {
  // a closed pipe (`… | head`) ends the output quietly
  process.stdout.on('error', e => { if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0); throw e; });
  void run(process.argv.slice(2)).then(code => { process.exitCode = code; });
}
