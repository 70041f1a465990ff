import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis } from '../core/model';

interface Request {
  text: string;
  maxLength: number;
  resolve: (a: ArticleAnalysis) => void;
  reject: (e: Error) => void;
}

/**
 * Article analysis in a worker thread. One request at a time is in the worker; the others wait here, urgent
 * ones (the shown part of a long article) first, so that they never wait behind a folder's worth of
 * articles. A request for a document whose text changed meanwhile is answered but its result is simply not
 * used by the caller. If the worker cannot start or dies, `analyse` rejects and the caller analyses in the
 * main thread instead.
 */
export class AnalysisWorker implements vscode.Disposable {
  private worker: Worker | undefined;
  private inWorker: Request | undefined;
  private readonly urgent: Request[] = [];
  private readonly waiting: Request[] = [];

  constructor(private readonly script: vscode.Uri, private readonly modelPath: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script.fsPath, { workerData: { modelPath: this.modelPath } });
    worker.on('message', (m: { analysis?: ArticleAnalysis; error?: string }) => {
      const r = this.inWorker;
      this.inWorker = undefined;
      if (r && m.analysis) r.resolve(m.analysis);
      else r?.reject(new Error(m.error ?? 'analysis failed'));
      this.next();
    });
    const fail = (e: Error) => {
      for (const r of [this.inWorker, ...this.urgent.splice(0), ...this.waiting.splice(0)]) r?.reject(e);
      this.inWorker = undefined;
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', code => { if (code !== 0) fail(new Error(`analysis worker exited with ${code}`)); });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Hands the worker the next request, if it is free. */
  private next(): void {
    if (this.inWorker) return;
    const r = this.urgent.shift() ?? this.waiting.shift();
    if (!r) return;
    try {
      this.start().postMessage({ id: 0, text: r.text, maxLength: r.maxLength });
      this.inWorker = r;
    } catch (e) {
      r.reject(e as Error);
      this.next();
    }
  }

  /** The analysis of a text; `urgent` ones go before every request still waiting. */
  analyse(text: string, maxLength: number, urgent = false): Promise<ArticleAnalysis> {
    return new Promise((resolve, reject) => {
      (urgent ? this.urgent : this.waiting).push({ text, maxLength, resolve, reject });
      this.next();
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
