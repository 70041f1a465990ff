import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { parseArgs as parseArgv } from 'node:util';
import { makeAnchor, resolveAnchor } from './core/annotations/anchor';
import { LOCK_WAIT_MS } from './core/annotations/sidecarLock';
import { ANNOTATION_KINDS, newAnnotationId, type Annotation, type AnnotationKind } from './core/annotations/model';
import { articleRecord } from './core/export';
import { EXPORT_FORMATS } from './core/export/formats';
import { splitAt } from './core/text/codePoints';
import { DEFAULT_MAX_LENGTH } from './core/analysis';
import { analyseInWorkers } from './cliWorkers';
import { installMergeDriverCommand, mergeSidecarsCommand } from './cliMerge';
import { articleFiles, LeftOut, publishedHints, readArticle, readOneArticle, readSidecar, sidecarPath } from './cliFiles';
import { pathExists } from './node/diskFiles';
import { DEFAULT_MODEL, SPEAKER_MODEL, inputFiles, loadCorpus, readFirst, publishedOption, saveSidecarFile, sidecarLimit, UsageError } from './cli/load';
import { exportCommand } from './cli/export';
import { importCommand, IMPORT_FORMATS } from './cli/import';

export { saveSidecarFile } from './cli/load';

const USAGE = `Source Annotator CLI

  source-annotator analyze --format jsonl [--published YYYY-MM-DD] <files or folders...> [--model FILE | --rules]
      One JSON object per article: its publication date, entities (dates with their values), quotes (with
      speakers) and events. Entities come from the trained model media/ner-model.bin (or FILE); --rules uses
      the word-list rules. Speakers are chosen by the trained model media/speaker-model.json, and each quote's
      confidence is its calibrated probability that the speaker is right. Dates are counted from the article's
      publication date: the one set in its sidecar,
      else the one its text states, else --published, else the file's modification day (a guess).
  source-annotator export <folder> --format ${EXPORT_FORMATS.join('|')} [--out <file or folder>]
      The corpus's annotations, automatic and the user's: json, csv, a Markdown report (md), TimelineJS; the
      user's annotations as W3C Web Annotation (w3c, JSON-LD); brat standoff (a .txt and an .ann per article,
      in the folder --out); the entities in CoNLL with IOB2 tags (conll); the rated claims as schema.org
      ClaimReview (claimreview). Without --out, printed.
  source-annotator import <folder> --format ${IMPORT_FORMATS.join('|')} <file or folder> [--author NAME]
      Annotations made elsewhere (Hypothesis, Recogito, brat, INCEpTION, or an export of this tool), placed
      in the folder's articles as the sidecars place them (needs review where not sure) and saved in their
      sidecars. Prints what was added; what could not be placed is said on stderr (exit status 3).
  source-annotator annotate <article> --start N --end M --kind KIND [--note "…"] [--label "…"] [--wait-seconds S]
                    [--rating "False"] [--claimant "person:donald-trump" or "a name"]
      Adds an annotation to the article's sidecar, as the editor does. KIND: ${ANNOTATION_KINDS.join(', ')}.
      A claim may have a verdict (--rating) and who made it (--claimant).
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

/** The exit status when the command did its work but skipped inputs or refused sidecars (0: all done; 1: failed; 2: usage). */
export const SOME_LEFT_OUT = 3;

/** The command line's options: all take a value but --rules. */
const OPTIONS = Object.fromEntries([
  ...['author', 'claimant', 'end', 'format', 'kind', 'label', 'max-sidecar-kb', 'model', 'note', 'out', 'published', 'rating', 'start', 'wait-seconds'].map(name => [name, { type: 'string' as const }]),
  ['rules', { type: 'boolean' as const }],
]);

/** Arguments read by node:util's parseArgs: an unknown option, or one without its value, is a usage error (exit 2). */
function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string> } {
  try {
    const { values, positionals } = parseArgv({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { positional: positionals, flags: new Map(Object.entries(values).map(([name, value]) => [name, String(value)])) };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The characters of text from which the CLI analyses on every core: each worker thread loads the models and
 * compiles the pipeline afresh (about 2 s of a processor before it is as fast as a warm thread), so below
 * this one thread alone is done sooner. Measured on two cores (README: Performance): 84 articles (0.4 MB) and
 * 250 (1 MB) are read sooner by one thread, 500 (2.5 MB) and more by two workers.
 */
const PARALLEL_FROM_CHARS = 2_000_000;

/**
 * The command line's entry: for `analyze`, `export` and a brat `import` of much text (`parallelFromChars`), the
 * articles are analysed in worker threads on every core first (the output is the same as in one thread); then
 * `main` runs.
 */
export async function run(argv: string[], parallelFromChars = PARALLEL_FROM_CHARS): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'analyze' || command === 'export' || command === 'import') {
    try {
      const { positional, flags } = parseArgs(rest);
      if (command === 'import' && flags.get('format') !== 'brat') return main(argv); // only brat's import reads the analysis
      const inputs = command === 'analyze' ? positional : positional.slice(0, 1);
      const quiet = new LeftOut(true); // main says what is skipped
      const listed = inputs.every(pathExists) ? articleFiles(inputs, quiet) : [];
      const readable = listed.map(file => ({ file, text: readArticle(file, quiet) })).filter(a => a.text !== undefined);
      const files = readable.map(a => a.file);
      const texts = readable.map(a => a.text!);
      if (texts.length > 1 && texts.reduce((sum, t) => sum + t.length, 0) >= parallelFromChars) {
        const model = flags.get('rules') === 'true' ? null : flags.get('model') ?? DEFAULT_MODEL;
        const option = publishedOption(flags);
        const published = files.map((file, i) => publishedHints(file, texts[i], readSidecar(file, sidecarLimit(flags), true).sidecar?.published, option));
        const analyses = await analyseInWorkers(texts, { script: path.join(__dirname, 'worker.js'), modelPath: model !== null && fs.existsSync(model) ? model : null, ...(fs.existsSync(SPEAKER_MODEL) ? { speakerModelPath: SPEAKER_MODEL } : {}), maxLength: DEFAULT_MAX_LENGTH, published });
        if (analyses) files.forEach((file, i) => readFirst.set(file, { text: texts[i], analysis: analyses[i] }));
      } else files.forEach((file, i) => readFirst.set(file, { text: texts[i] })); // read once: main takes them
    } catch {
      readFirst.clear(); // main reports what is wrong with the arguments or the files
    }
  }
  return main(argv);
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
    ...(flags.get('rating') ? { rating: flags.get('rating')! } : {}),
    links: flags.get('claimant') ? { claimant: flags.get('claimant')! } : {}, author: flags.get('author') ?? os.userInfo().username, created: now, updated: now, anchor: makeAnchor(text, { start, end }),
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
      case 'import': importCommand(positional, flags, leftOut); break;
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
  // A run of the CLI is short, and its analysis workers spend much of it in V8's optimising compiler (5.8 s
  // of compiling over a worker's first thousand articles, most of it inlining large functions): without
  // inlining, a run over 2,000 articles takes 9 % less time (README: Performance). Set before the workers
  // start, for this process only (the extension host's is VS Code's, and its workers run for hours).
  v8.setFlagsFromString('--no-turbo-inlining');
  // a closed pipe (`… | head`) ends the output quietly
  process.stdout.on('error', e => { if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0); throw e; });
  void run(process.argv.slice(2)).then(code => { process.exitCode = code; });
}
