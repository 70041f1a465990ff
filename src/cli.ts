import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { makeAnchor, resolveAnchor } from './core/annotations/anchor';
import { decodeSidecar, type ParsedSidecar } from './core/annotations/codec';
import { readSidecarSteps, type SidecarBytes, type SidecarFacts } from './core/annotations/sidecarFile';
import { ANNOTATION_KINDS, newAnnotationId, sidecarName, type Annotation, type AnnotationKind, type Sidecar } from './core/annotations/model';
import { runSave, saveSidecarSteps, UnreadableSidecarError, type SaveResult, type SidecarRead } from './core/annotations/save';
import { Corpus } from './core/corpus';
import { DEFAULT_ARTICLE_PATTERNS, isArticlePath, isExcludedFolder, isOwnFile, type ArticlePatterns } from './core/articlePolicy';
import { articleRecord, exportChunks, type ExportFormat } from './core/export';
import { decodeArticle } from './core/text/decode';
import { lazyModelRecogniser, ruleRecogniser, type EntityRecogniser } from './core/ner';
import { DEFAULT_MAX_LENGTH } from './core/analysis';
import type { ArticleAnalysis } from './core/model';
import { analyseInWorkers } from './cliWorkers';

const USAGE = `Source Annotator CLI

  source-annotator analyze --format jsonl <files or folders...> [--model FILE | --rules]
      One JSON object per article: entities, quotes (with speakers) and events.
      Entities come from the trained model media/ner-model.bin (or FILE); --rules uses the word-list rules.
  source-annotator export <folder> --format json|csv|md --out <file>
      The corpus's annotations, automatic and the user's.
  source-annotator annotate <article> --start N --end M --kind KIND [--note "…"] [--label "…"]
      Adds an annotation to the article's sidecar, as the editor does. KIND: ${ANNOTATION_KINDS.join(', ')}.
  source-annotator annotations <article> --format json
      The article's annotations re-anchored against its current text (the sidecar is not rewritten):
      status anchored, moved, needs-review (start/end of the candidate) or orphaned (start/end null).
`;

/** The extension's default article and exclude globs; extensions in any case (`NOTES.TXT`), as the CLI always read them. */
const ARTICLES: ArticlePatterns = { ...DEFAULT_ARTICLE_PATTERNS, ignoreCase: true };

class UsageError extends Error {}

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
 * Article files under the given files and folders, in a stable order: in a folder, the files the extension
 * reads as articles (src/core/articlePolicy.ts), paths relative to the folder. A file named on the command
 * line is read whatever its name, unless Source Annotator wrote it (an export, a sidecar): that is said on stderr.
 */
function articleFiles(inputs: string[]): string[] {
  const found: string[] = [];
  const walk = (folder: string, relative: string) => {
    for (const entry of fs.readdirSync(path.join(folder, relative)).sort()) {
      const child = relative ? `${relative}/${entry}` : entry;
      const stat = fs.statSync(path.join(folder, child));
      if (stat.isDirectory()) { if (!isExcludedFolder(child, ARTICLES)) walk(folder, child); }
      else if (isArticlePath(child, ARTICLES)) found.push(path.join(folder, child));
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new UsageError(`no such file or folder: ${input}`);
    if (!fs.statSync(input).isFile()) walk(input, '');
    else if (isOwnFile(path.basename(input))) process.stderr.write(`${input}: skipped, written by Source Annotator (not an article)\n`);
    else found.push(input);
  }
  return [...new Set(found)];
}

/** The article's text as the editor shows it: the offsets the CLI reads and prints are the extension's. */
function readText(file: string): string {
  return decodeArticle(fs.readFileSync(file));
}

function sidecarPath(article: string): string {
  return path.join(path.dirname(article), sidecarName(path.basename(article)));
}

/** The sidecar file's bytes; undefined when there is none; a refusal when it is too large or not a file (then it is not read). */
function readSidecarFile(file: string): SidecarRead {
  const steps = readSidecarSteps();
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    if (step.value.op === 'stat') {
      let facts: SidecarFacts;
      try { const stat = fs.statSync(file); facts = { isFile: stat.isFile(), size: stat.size }; } catch { facts = undefined; }
      step = steps.next(facts);
    } else {
      let bytes: SidecarBytes;
      try { bytes = new Uint8Array(fs.readFileSync(file)); } catch (e) { bytes = { error: e as Error, gone: (e as NodeJS.ErrnoException).code === 'ENOENT' }; }
      step = steps.next(bytes);
    }
  }
}

function reportProblems(file: string, parsed: Pick<ParsedSidecar, 'problems' | 'warnings'>): void {
  for (const p of parsed.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
  for (const w of parsed.warnings) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
}

/** The article's sidecar; a broken one is reported on stderr and yields no annotations (it is never rewritten). */
function readSidecar(article: string): { sidecar: Sidecar | null; exists: boolean } {
  const file = sidecarPath(article);
  const raw = readSidecarFile(file);
  if (raw === undefined) return { sidecar: null, exists: false };
  const parsed = raw instanceof Uint8Array ? decodeSidecar(raw, path.basename(article)) : raw.refused;
  reportProblems(file, parsed);
  return { sidecar: parsed.sidecar, exists: true };
}

/**
 * Changes an article's sidecar as the extension does (src/core/annotations/save.ts): the change is applied
 * to what is on disk and written to a temporary sibling; right before the rename the sidecar is read again
 * and, if another program wrote it meanwhile, its annotations are merged in by id. `beforeCheck` runs where
 * such a write would race with ours (for tests). Throws when the sidecar cannot be read; it is then untouched.
 */
export function saveSidecarFile(article: string, text: string, change: (annotations: Annotation[]) => Annotation[], beforeCheck?: (attempt: number) => void): SaveResult {
  const file = sidecarPath(article);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let attempt = 0;
  try {
    return runSave(saveSidecarSteps(path.basename(article), text, change), step => {
      switch (step.op) {
        case 'read': return readSidecarFile(file);
        case 'write-temp': fs.writeFileSync(temp, step.content); beforeCheck?.(++attempt); return;
        case 'commit': fs.renameSync(temp, file); return;
        case 'discard': fs.rmSync(temp, { force: true }); return;
      }
    });
  } catch (e) {
    if (!(e instanceof UnreadableSidecarError)) throw e;
    reportProblems(file, { problems: e.problems, warnings: [] });
    throw new Error(`${file} cannot be read; fix it first (it is left untouched)`);
  }
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

/** Analyses made on every core before `main` runs (large inputs only; see `run`), by file. */
const preAnalysed = new Map<string, { text: string; analysis: ArticleAnalysis }>();

function loadCorpus(files: string[], flags: Map<string, string>): Corpus {
  const corpus = new Corpus({ recogniser: recogniser(flags) });
  for (const file of files) {
    const ready = preAnalysed.get(file);
    if (ready) corpus.primeAnalysis(ready.text, ready.analysis);
    corpus.setArticle(file, ready?.text ?? readText(file), readSidecar(file).sidecar?.annotations ?? []);
  }
  preAnalysed.clear();
  return corpus;
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
      const files = positional.length ? articleFiles(command === 'export' ? positional.slice(0, 1) : positional) : [];
      if (files.length >= WORKERS_FROM) {
        const model = flags.get('rules') === 'true' ? null : flags.get('model') ?? path.join(__dirname, '..', 'media', 'ner-model.bin');
        const texts = files.map(readText);
        const analyses = await analyseInWorkers(texts, { script: path.join(__dirname, 'worker.js'), modelPath: model !== null && fs.existsSync(model) ? model : null, maxLength: DEFAULT_MAX_LENGTH });
        if (analyses) files.forEach((file, i) => preAnalysed.set(file, { text: texts[i], analysis: analyses[i] }));
      }
    } catch {
      preAnalysed.clear(); // main reports what is wrong with the arguments or the files
    }
  }
  return main(argv);
}

function analyze(positional: string[], flags: Map<string, string>): void {
  const format = flags.get('format') ?? 'jsonl';
  if (format !== 'jsonl') throw new UsageError(`unknown format ${format} (analyze prints jsonl)`);
  if (!positional.length) throw new UsageError('analyze needs files or folders');
  const files = articleFiles(positional);
  const view = loadCorpus(files, flags).resolve();
  for (const file of files) {
    const record = articleRecord(view, file);
    if (record.skipped) process.stderr.write(`${file}: not analysed: ${record.skipped}\n`);
    process.stdout.write(JSON.stringify(record) + '\n');
  }
}

function exportCommand(positional: string[], flags: Map<string, string>): void {
  const format = (flags.get('format') ?? 'json') as ExportFormat;
  if (!['json', 'csv', 'md'].includes(format)) throw new UsageError(`unknown format ${format}: json, csv or md`);
  const folder = positional[0];
  if (!folder) throw new UsageError('export needs a folder');
  const view = loadCorpus(articleFiles([folder]), flags).resolve();
  const root = fs.statSync(folder).isDirectory() ? folder : path.dirname(folder);
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
    throw e;
  }
}

function annotate(positional: string[], flags: Map<string, string>): void {
  const article = positional[0];
  if (!article || !fs.existsSync(article)) throw new UsageError('annotate needs an existing article');
  const kind = flags.get('kind') as AnnotationKind;
  if (!ANNOTATION_KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${ANNOTATION_KINDS.join(', ')}`);
  const text = readText(article);
  const start = Number(flags.get('start'));
  const end = Number(flags.get('end'));
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) throw new UsageError(`--start and --end must be offsets with 0 ≤ start < end ≤ ${text.length}`);
  const { sidecar, exists } = readSidecar(article); // reports its problems and what a save drops
  if (exists && !sidecar) throw new Error(`${sidecarPath(article)} cannot be read; fix it first (it is left untouched)`);
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: newAnnotationId(), kind, ...(flags.has('label') ? { label: flags.get('label')! } : {}), ...(flags.has('note') ? { note: flags.get('note')! } : {}),
    links: {}, author: flags.get('author') ?? os.userInfo().username, created: now, updated: now, anchor: makeAnchor(text, { start, end }),
  };
  saveSidecarFile(article, text, list => [...list, annotation]);
  process.stdout.write(JSON.stringify({ id: annotation.id, kind, start, end, text: annotation.anchor.text }) + '\n');
}

function listAnnotations(positional: string[], flags: Map<string, string>): void {
  const article = positional[0];
  if (!article || !fs.existsSync(article)) throw new UsageError('annotations needs an existing article');
  if ((flags.get('format') ?? 'json') !== 'json') throw new UsageError('annotations prints json');
  const text = readText(article);
  const { sidecar, exists } = readSidecar(article);
  if (exists && !sidecar) throw new Error(`${sidecarPath(article)} cannot be read`);
  const list = (sidecar?.annotations ?? []).map(a => {
    const placed = resolveAnchor(text, a.anchor);
    return { id: a.id, kind: a.kind, note: a.note ?? null, status: placed.status, start: placed.span?.start ?? null, end: placed.span?.end ?? null, text: placed.span ? text.slice(placed.span.start, placed.span.end) : a.anchor.text };
  });
  process.stdout.write(JSON.stringify(list, null, 2) + '\n');
}

export function main(argv: string[]): number {
  try {
    const [command, ...rest] = argv;
    const { positional, flags } = parseArgs(rest);
    switch (command) {
      case 'analyze': analyze(positional, flags); break;
      case 'export': exportCommand(positional, flags); break;
      case 'annotate': annotate(positional, flags); break;
      case 'annotations': listAnnotations(positional, flags); break;
      case undefined: case 'help': case '--help': case '-h': process.stdout.write(USAGE); return command ? 0 : 2;
      default: throw new UsageError(`unknown command ${command}`);
    }
    return 0;
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
