import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis } from '../core/model';

/**
 * Article analysis in a worker thread. One worker, requests answered in order; a request for a document
 * whose text changed meanwhile is answered but its result is simply not used by the caller. If the worker
 * cannot start or dies, `analyse` rejects and the caller analyses in the main thread instead.
 */
export class AnalysisWorker implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: ArticleAnalysis) => void; reject: (e: Error) => void }>();

  constructor(private readonly script: vscode.Uri, private readonly modelPath: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script.fsPath, { workerData: { modelPath: this.modelPath } });
    worker.on('message', (m: { id: number; analysis?: ArticleAnalysis; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.analysis) p.resolve(m.analysis);
      else p.reject(new Error(m.error ?? 'analysis failed'));
    });
    const fail = (e: Error) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', code => { if (code !== 0) fail(new Error(`analysis worker exited with ${code}`)); });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  analyse(text: string, maxLength: number): Promise<ArticleAnalysis> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      try {
        this.start().postMessage({ id, text, maxLength });
      } catch (e) {
        this.pending.delete(id);
        reject(e as Error);
      }
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
