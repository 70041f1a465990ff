// Shared helpers of the unit tier. Compiled tests sit in out/test/unit/, so the repository root is three levels up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli';
import { Corpus, type ArticleView, type CorpusView, type ResolvedQuote } from '../../src/core/corpus';
import type { Entity } from '../../src/core/entities/entity';
import type { StoryEvent } from '../../src/core/events';
import type { QuoteKind } from '../../src/core/model';
import { modelRecogniser, parseModel, type EntityRecogniser } from '../../src/core/ner';

export const REPO_ROOT = path.join(__dirname, '../../..');
export const SAMPLE_CORPUS = path.join(__dirname, '../../../sample-corpus');

let shipped: EntityRecogniser | undefined;
/** The shipped entity model (media/ner-model.bin) as the product uses it, read once for the whole tier. */
export function shippedRecogniser(): EntityRecogniser {
  return (shipped ??= modelRecogniser(parseModel(new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'media', 'ner-model.bin'))))));
}

/** The five sample article file names, sorted. */
export function sampleFiles(): string[] {
  return fs.readdirSync(SAMPLE_CORPUS).filter(f => f.endsWith('.txt')).sort();
}

export function readSample(name: string): string {
  return fs.readFileSync(path.join(SAMPLE_CORPUS, name), 'utf8');
}

/** A Corpus holding every sample article, keyed by its file name. */
export function sampleCorpus(): Corpus {
  const corpus = new Corpus();
  for (const f of sampleFiles()) corpus.setArticle(f, readSample(f));
  return corpus;
}

/** Every file under `dir` (recursively) whose name ends with `suffix`. */
export function filesUnder(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p, suffix));
    else if (entry.name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

/** Offsets of every occurrence of `needle` in `text`. */
export function indicesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** The offset of the n-th (0-based) occurrence of `needle`; throws when there is none, so a test cannot silently use -1. */
export function nth(text: string, needle: string, n = 0): number {
  const at = indicesOf(text, needle)[n];
  if (at === undefined) throw new Error(`test setup: occurrence ${n} of ${JSON.stringify(needle)} not found`);
  return at;
}

/** Runs the CLI's main() with stdout and stderr captured; the real streams are restored whatever happens. */
export function runCli(...args: string[]): { code: number; out: string; err: string } {
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  let out = '';
  let err = '';
  process.stdout.write = ((chunk: string | Uint8Array) => { out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { err += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'); return true; }) as typeof process.stderr.write;
  try {
    const code = main(args);
    return { code, out, err };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

/** Numbers in [0, 1) from a seed, the same every run (mulberry32). */
export function seeded(seed: number): () => number {
  return () => {
    let t = (seed = (seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A quote of a synthetic article: its words, who said it ("person:…" an entity id, else a name; null: nobody), and its kind when not speech. */
export type Q = [text: string, speaker: string | null, kind?: QuoteKind];

/** A synthetic article: the given quotes one after another. */
export function quoteArticle(path: string, qs: Q[]): ArticleView {
  let text = '';
  const quotes = qs.map(([words, speaker, kind]): ResolvedQuote => {
    const start = text.length;
    text += `“${words}” `;
    const name = speaker ? speaker.replace(/^person:/, '') : '';
    return {
      start, end: start + words.length + 2, inner: { start: start + 1, end: start + 1 + words.length }, text: words, kind: kind ?? 'speech',
      speaker: speaker ? { start, end: start, text: name, name, ...(speaker.startsWith('person:') ? { entityId: speaker } : {}) } : null, cue: null, confidence: 1, origin: 'model',
    };
  });
  return { path, text, quotes, mentions: [], annotations: [], analysis: { hash: '', mentions: [], quotes: [], events: [] } };
}

/** A corpus view of synthetic articles, in the order given. */
export function quoteView(articles: Record<string, Q[]> | Map<string, ArticleView>): CorpusView {
  const map = articles instanceof Map ? articles : new Map(Object.entries(articles).map(([p, qs]) => [p, quoteArticle(p, qs)]));
  return { articles: map, entities: new Map(), events: [], mentionCounts: new Map() };
}

/** An event for timeline tests: one mention per path given (a path may repeat). */
export function storyEvent(eventId: string, date: string, paths: string[], participants: string[] = [], label = eventId): StoryEvent {
  return { eventId, label, date, participants, origin: 'model', mentions: paths.map((path, i) => ({ path, start: 10 * i, end: 10 * i + 5, text: `${label} in ${path}` })) };
}

function entity(id: string, type: Entity['type'], name: string): Entity {
  return { id, type, name, forms: new Map([[name, 1]]), titles: new Set() };
}

/** People, an organisation and a place, by id, for tests that name participants. */
export const ENTITIES = new Map<string, Entity>([
  ['person:kim-jong-un', entity('person:kim-jong-un', 'PERSON', 'Kim Jong Un')],
  ['person:donald-trump', entity('person:donald-trump', 'PERSON', 'Donald Trump')],
  ['org:white-house', entity('org:white-house', 'ORG', 'White House')],
  ['place:hanoi', entity('place:hanoi', 'PLACE', 'Hanoi')],
]);
