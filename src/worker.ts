// The analysis worker: runs the core's article analysis (entities, quotations, dates) off the extension
// host's main thread, so that typing and hovers never wait for it. Loads the entity and speaker models itself.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { analyseArticle } from './core/analysis';
import { encodeAnalysis } from './core/corpus/analysisCodec';
import type { PublishedHints } from './core/dates/published';
import { modelRecogniser, parseModel, ruleRecogniser, type EntityRecogniser } from './core/ner';
import { readSpeakerModel } from './node/speakerModelFile';
import { lowersThreadAlone } from './node/threadPriority';

export interface AnalysisRequest {
  id: number;
  text: string;
  maxLength: number;
  /** What besides the text gives the publication date the article's dates are valued against. */
  published?: PublishedHints;
  /** Analysed before every request that is not (the worker answers by id, not in the order asked). */
  urgent?: boolean;
  /**
   * The analysis answered as the persistent index stores it (src/core/corpus/analysisCodec.ts), one string,
   * instead of as objects: the main thread reads that back (and stores it) without taking apart a structured
   * clone and encoding it again.
   */
  encode?: boolean;
}

let recogniser: EntityRecogniser = ruleRecogniser;
const { modelPath, speakerModelPath, background } = workerData as { modelPath: string | null; speakerModelPath?: string | null; background?: boolean };
if (background && lowersThreadAlone()) {
  // the extension's workers take the processor only when nothing else wants it: the extension host's main
  // thread (hovers, highlights, the views), the editor and every other program go first
  try { os.setPriority(os.constants.priority.PRIORITY_LOW); } catch { /* not allowed here: the normal priority */ }
}
try {
  // null: the rules, asked for (the CLI's --rules)
  if (modelPath !== null) recogniser = modelRecogniser(parseModel(new Uint8Array(fs.readFileSync(modelPath))));
} catch {
  // no model: the rules recognise entities, as in the main thread
}
// no speaker model: the rules choose speakers, as in the main thread
const speakerModel = readSpeakerModel(speakerModelPath);

/**
 * Requests wait here, urgent ones (the shown part of a long article) first: the extension hands a worker many
 * at once, so that it goes on analysing while the main thread is busy, and an urgent one still waits behind
 * at most the analysis under way. One request is analysed per turn of the event loop, so that requests posted
 * meanwhile are queued (and sorted) before the next is chosen.
 */
const urgent: AnalysisRequest[] = [];
const waiting: AnalysisRequest[] = [];
let scheduled = false;

parentPort?.on('message', (request: AnalysisRequest) => {
  (request.urgent ? urgent : waiting).push(request);
  if (!scheduled) { scheduled = true; setImmediate(answerNext); }
});

function answerNext(): void {
  scheduled = false;
  const request = urgent.shift() ?? waiting.shift();
  if (!request) return;
  if (urgent.length || waiting.length) { scheduled = true; setImmediate(answerNext); }
  try {
    const analysis = analyseArticle(request.text, { maxLength: request.maxLength, recogniser, speakerModel, published: request.published });
    parentPort!.postMessage(request.encode ? { id: request.id, encoded: encodeAnalysis(analysis, request.text) } : { id: request.id, analysis, recogniser: recogniser.id });
  } catch (e) {
    parentPort!.postMessage({ id: request.id, error: (e as Error).message });
  }
}
