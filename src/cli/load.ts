// What the CLI's commands share: the usage error, the limits and options every command reads, and the corpus
// of the articles given (with their sidecars, analysed in worker threads first when there are many: cli.ts's `run`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_SIDECAR_BYTES, publishedDate } from '../core/annotations/codec';
import { Corpus } from '../core/corpus';
import { lazyModelRecogniser, ruleRecogniser, type EntityRecogniser } from '../core/ner';
import type { ArticleAnalysis } from '../core/model';
import { articleFiles, LeftOut, publishedHints, readArticle, readSidecar, reportProblems, sidecarPath } from '../cliFiles';
import type { Annotation } from '../core/annotations/model';
import { UnreadableSidecarError, type SaveOptions, type SaveResult } from '../core/annotations/save';
import { saveOnDisk, type DiskSaveHooks } from '../node/sidecarDisk';
import { pathExists } from '../node/diskFiles';
import { readSpeakerModel } from '../node/speakerModelFile';

export class UsageError extends Error {}

/** The shipped entity model: media/ner-model.bin beside dist/ (this module is bundled into dist/cli.js). */
export const DEFAULT_MODEL = path.join(__dirname, '..', 'media', 'ner-model.bin');
/** The shipped speaker model (media/speaker-model.json beside dist/); without it the rules choose speakers. */
export const SPEAKER_MODEL = path.join(__dirname, '..', 'media', 'speaker-model.json');


/**
 * --max-sidecar-kb: the size limit of sidecars, read and written (the setting sourceAnnotator.maxSidecarSizeKB).
 */
export function sidecarLimit(flags: Map<string, string>): number {
  const kb = Number(flags.get('max-sidecar-kb') ?? MAX_SIDECAR_BYTES / 1024);
  if (!Number.isInteger(kb) || kb < 1) throw new UsageError('--max-sidecar-kb must be a whole number of KB, at least 1');
  return kb * 1024;
}

/** --published YYYY-MM-DD: the publication date of the articles whose text states none. */
export function publishedOption(flags: Map<string, string>): string | undefined {
  const value = flags.get('published');
  if (value !== undefined && !publishedDate(value)) throw new UsageError(`--published must be a date written YYYY-MM-DD (2019-02-27), not ${value}`);
  return value;
}

/** The shipped entity model (media/ner-model.bin beside dist/), another one given by --model, or the rules with --rules. */
function recogniser(flags: Map<string, string>): EntityRecogniser {
  if (flags.get('rules') === 'true') return ruleRecogniser;
  const file = flags.get('model') ?? DEFAULT_MODEL;
  if (!fs.existsSync(file)) {
    if (flags.has('model')) throw new UsageError(`no model at ${file}`);
    process.stderr.write(`source-annotator: no entity model at ${file}; using the rules\n`);
    return ruleRecogniser;
  }
  // the tables are built only if this thread tags (workers usually do)
  return lazyModelRecogniser(new Uint8Array(fs.readFileSync(file)));
}

/** The articles `run` read before `main` runs, by file, with their analyses when it made them on every core (large inputs). */
export const readFirst = new Map<string, { text: string; analysis?: ArticleAnalysis }>();

/** The articles that could be read, with their sidecars; what could not is in `leftOut` (and said on stderr). */
export function loadCorpus(files: string[], flags: Map<string, string>, leftOut: LeftOut): { corpus: Corpus; read: string[] } {
  const corpus = new Corpus({ recogniser: recogniser(flags), speakerModel: readSpeakerModel(SPEAKER_MODEL, m => process.stderr.write(`source-annotator: ${m}\n`)) });
  const read: string[] = [];
  const maxSidecarBytes = sidecarLimit(flags);
  const option = publishedOption(flags);
  for (const file of files) {
    const ready = readFirst.get(file);
    const text = ready?.text ?? readArticle(file, leftOut);
    if (text === undefined) continue;
    if (ready?.analysis) corpus.primeAnalysis(ready.analysis);
    const { sidecar, exists } = readSidecar(file, maxSidecarBytes);
    if (exists && !sidecar) leftOut.sidecarRefused();
    corpus.setPublished(file, publishedHints(file, text, sidecar?.published, option));
    corpus.setArticle(file, text, sidecar?.annotations ?? []);
    read.push(file);
  }
  readFirst.clear();
  return { corpus, read };
}

/** The article files under the inputs; a mistyped input is a usage error (a link to nothing is skipped, not mistyped). */
export function inputFiles(inputs: string[], leftOut: LeftOut): string[] {
  const missing = inputs.find(input => !pathExists(input));
  if (missing !== undefined) throw new UsageError(`no such file or folder: ${missing}`);
  return articleFiles(inputs, leftOut);
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
