import * as vscode from 'vscode';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis } from '../core/model';
import type { PublishedHints } from '../core/dates/published';
import { decodeAnalysis } from '../core/corpus/analysisCodec';
import { analysisPoolSize } from '../node/threadPriority';

/** An analysis the worker made, and the form the persistent index stores, when it was asked for. */
export interface WorkerAnalysis {
  analysis: ArticleAnalysis;
  encoded?: string;
}

interface Request {
  id: number;
  urgent: boolean;
  encode: boolean;
  text: string;
  maxLength: number;
  published?: PublishedHints;
  resolve: (a: WorkerAnalysis) => void;
  reject: (e: Error) => void;
}

/** One worker thread and the requests handed to it, by id (it answers urgent ones first). */
interface Slot {
  worker?: Worker;
  requests: Map<number, Request>;
  idle?: ReturnType<typeof setTimeout>;
}

/**
 * How long a worker waits without work before it stops: each holds its own copy of the model and what it made
 * while reading a folder (about 140 MB of the process's memory after a thousand articles). Those beyond the
 * first stop soon after a scan; the first, which analyses what the user types, after a pause in the work of a
 * couple of minutes (the first analysis after it waits about half a second more, for a new thread to load
 * the model and compile what it runs).
 */
export interface IdleTimes {
  first: number;
  others: number;
}
const IDLE: IdleTimes = { first: 120_000, others: 30_000 };
/**
 * How many requests a worker holds at once: the next articles wait in the worker's own queue, so that it goes
 * on analysing while the main thread is busy instead of waiting for it to hand over the next one. A resolve of
 * 10,000 articles holds the main thread for a second or more; with three held, the worker sat idle through
 * each. The worker takes an urgent request before those it holds (src/worker.ts), so depth costs it nothing.
 */
const DEPTH = 128;

/** The workers for this machine's processors (src/node/threadPriority.ts): a folder is read in parallel, memory stays bounded. */
export function poolSize(): number {
  return analysisPoolSize(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Article analysis in a pool of worker threads. Each worker holds up to DEPTH requests at a time and answers
 * its urgent ones (the shown part of a long article) first; the others wait here, urgent ones first too, so
 * that they never wait behind a folder's worth of articles. A request for a document whose text changed
 * meanwhile is answered but its result is simply not used by the caller. If a worker cannot start or dies,
 * its requests reject and the caller analyses in the main thread instead.
 */
export class AnalysisWorker implements vscode.Disposable {
  private readonly slots: Slot[];
  private readonly urgent: Request[] = [];
  private readonly waiting: Request[] = [];
  /** Requests asked so far: each one's id. */
  private asked = 0;

  constructor(private readonly script: vscode.Uri, private readonly modelPath: string, private readonly speakerModelPath?: string, size = poolSize(), private readonly idle = IDLE) {
    this.slots = Array.from({ length: size }, () => ({ requests: new Map() }));
  }

  private start(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = new Worker(this.script.fsPath, { workerData: { modelPath: this.modelPath, speakerModelPath: this.speakerModelPath, background: true } });
    worker.on('message', (m: { id: number; analysis?: ArticleAnalysis; encoded?: string; error?: string }) => {
      const r = slot.requests.get(m.id);
      slot.requests.delete(m.id);
      if (r) answer(r, m);
      this.next();
    });
    const fail = (e: Error) => {
      // a worker stopped on purpose (idle, disposed) exits after its slot moved on, maybe to a new worker: the
      // requests held now are that one's
      if (slot.worker !== worker) return;
      const held = [...slot.requests.values()];
      slot.requests.clear();
      for (const r of held) r.reject(e);
      slot.worker = undefined;
      if (!this.slots.some(s => s.worker)) for (const r of [...this.urgent.splice(0), ...this.waiting.splice(0)]) r.reject(e);
      else this.next();
    };
    worker.on('error', fail);
    worker.on('exit', code => { if (code !== 0) fail(new Error(`analysis worker exited with ${code}`)); });
    worker.unref();
    slot.worker = worker;
    return worker;
  }

  /**
   * Hands the requests waiting to the workers, one each in turn (the least busy first), up to DEPTH each; a
   * worker that has none stops after a while (IdleTimes).
   */
  private next(): void {
    for (let depth = 1; depth <= DEPTH && (this.urgent.length || this.waiting.length); depth++) {
      for (const slot of this.slots) {
        if (slot.requests.size >= depth) continue;
        const r = this.urgent.shift() ?? this.waiting.shift();
        if (!r) break;
        clearTimeout(slot.idle);
        slot.idle = undefined;
        try {
          this.start(slot).postMessage({ id: r.id, text: r.text, maxLength: r.maxLength, published: r.published, urgent: r.urgent, encode: r.encode });
          slot.requests.set(r.id, r);
        } catch (e) {
          r.reject(e as Error);
        }
      }
    }
    this.slots.forEach((slot, i) => {
      if (slot.worker && !slot.requests.size && !slot.idle) {
        slot.idle = setTimeout(() => { slot.idle = undefined; if (!slot.requests.size) { void slot.worker?.terminate(); slot.worker = undefined; } }, i === 0 ? this.idle.first : this.idle.others);
      }
    });
  }

  /** How many worker threads are running now. */
  running(): number {
    return this.slots.filter(slot => slot.worker).length;
  }

  /** The analysis of a text (its dates valued against the publication date `published` helps find); `urgent` ones go before every request still waiting. */
  analyse(text: string, maxLength: number, urgent = false, published?: PublishedHints): Promise<ArticleAnalysis> {
    return this.ask(text, maxLength, urgent, false, published).then(made => made.analysis);
  }

  /**
   * The same, made by the worker in the form the persistent index stores and read back here: `encoded` to
   * store, and `analysis` as the index would read it (64 bytes a mention; a structured clone's take 176).
   */
  analyseEncoded(text: string, maxLength: number, urgent = false, published?: PublishedHints): Promise<WorkerAnalysis> {
    return this.ask(text, maxLength, urgent, true, published);
  }

  private ask(text: string, maxLength: number, urgent: boolean, encode: boolean, published: PublishedHints | undefined): Promise<WorkerAnalysis> {
    return new Promise((resolve, reject) => {
      (urgent ? this.urgent : this.waiting).push({ id: ++this.asked, urgent, encode, text, maxLength, published, resolve, reject });
      this.next();
    });
  }

  /** Stops the workers; the requests they held and those waiting are refused (their callers settle). */
  dispose(): void {
    const stopped = new Error('analysis workers stopped');
    for (const slot of this.slots) {
      clearTimeout(slot.idle);
      void slot.worker?.terminate();
      slot.worker = undefined;
      for (const r of slot.requests.values()) r.reject(stopped);
      slot.requests.clear();
    }
    for (const r of [...this.urgent.splice(0), ...this.waiting.splice(0)]) r.reject(stopped);
  }
}

/** A worker's answer to a request: its analysis (read back from the stored form when it came so), or why there is none. */
function answer(r: Request, m: { analysis?: ArticleAnalysis; encoded?: string; error?: string }): void {
  if (m.encoded !== undefined) {
    try {
      r.resolve({ analysis: decodeAnalysis(m.encoded, r.text), encoded: m.encoded });
    } catch (e) {
      r.reject(e as Error);
    }
  } else if (m.analysis) r.resolve({ analysis: m.analysis });
  else r.reject(new Error(m.error ?? 'analysis failed'));
}
