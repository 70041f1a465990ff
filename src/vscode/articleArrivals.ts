import type * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import { contentHash } from '../core/text/hash';
import type { ArticleSync, ArticleText } from './articleSync';
import type { AnalysisSource } from './analysisSource';
import type { ArticleAnnotations } from './articleAnnotations';
import type { Previews } from './preview';
import type { PublicationDates } from './publicationDates';
import type { CorpusResolves } from './corpusResolves';
import type { SidecarStore } from './sidecarStore';

/** What an article's arrival needs of the corpus service (src/vscode/corpusService.ts). */
export interface ArrivalHost {
  /** The corpus now (replaced when the settings change: what was read under the old ones is dropped). */
  corpus(): Corpus;
  /** The longest text analysed, and the analyser's id (known once the model is loaded). */
  maxLength(): number;
  analyserId(): string;
  modelLoaded: Promise<void>;
  sync(): ArticleSync;
  previews: Previews;
  analyses: AnalysisSource;
  annotations(): ArticleAnnotations;
  dates: PublicationDates;
  store: SidecarStore;
  resolves: CorpusResolves;
  /** Tells the views (debounced). */
  notify(): void;
}

/**
 * How an article's text comes into the corpus: read by a scan, changed on disk, or typed in an editor. Its
 * publication dates are set first (they value its dates), its analysis is made off the main thread (read
 * from the index, else by the worker), and its sidecar's annotations come with it.
 */
export class ArticleArrivals {
  constructor(private readonly host: ArrivalHost) {}

  /**
   * Brings an article's current text into the corpus with its sidecar's annotations, analysed first (kept in
   * the index when it is what the disk holds). During a scan's resolve in slices it waits for its end.
   */
  async arrive(uri: vscode.Uri, { text, onDisk, modified }: ArticleText, notify: boolean, stillThere: () => Promise<boolean>): Promise<void> {
    const { host } = this;
    await host.resolves.roomToRead(); // the scan reads on during a resolve in slices, but only so far ahead
    const corpus = host.corpus();
    try {
      const key = uri.toString();
      this.previewFirst(key);
      const hash = contentHash(text); // once, for the date's reading, the analysis's key and the index
      if (onDisk) await host.dates.fromFile(uri, text, modified, hash);
      // the date the user set is known before the analysis, which values the article's dates against it
      host.dates.setUser(uri, (await host.store.read(uri)).sidecar?.published);
      await this.analyseOffThread(text, key, onDisk, hash);
      const annotations = host.annotations();
      const before = annotations.generation(key);
      const state = await host.store.read(uri); // read again: the annotations as they are now
      if (!(await stillThere())) return; // deleted while it was being read: it stays out
      if (corpus !== host.corpus()) return; // the settings changed meanwhile: the scan they started reads it under them
      host.dates.setUser(uri, state.sidecar?.published);
      host.resolves.admit(() => {
        if (corpus !== host.corpus()) return;
        // annotations saved (or reloaded) while the sidecar was being read are newer than what was read
        annotations.put(key, text, annotations.generation(key) === before ? state.sidecar?.annotations ?? [] : corpus.annotationsOf(key));
        if (notify) host.notify();
      });
    } catch {
      return; // unreadable or gone: nothing to show
    }
  }

  /** Typed text, settled: analysed off the main thread, then brought in unless the user typed on meanwhile. */
  async typed(key: string, text: string, current: () => boolean): Promise<void> {
    this.previewFirst(key); // a long article: the part shown is highlighted again first
    await this.analyseOffThread(text, key);
    if (!current()) return;
    this.host.annotations().putText(key, text);
    this.host.notify();
  }

  /** An open editor's article: the part shown is previewed while the whole is analysed. */
  private previewFirst(key: string): void {
    const doc = this.host.sync().editorDocument(key);
    if (doc) this.host.previews.request(doc);
  }

  /** Hands the corpus a text's analysis made off the main thread (from the index or the worker), unless it has one. */
  private async analyseOffThread(text: string, key: string, keep = false, hash = contentHash(text)): Promise<void> {
    const { host } = this;
    await host.modelLoaded;
    const corpus = host.corpus();
    if (corpus.isAnalysed(text, key, hash)) return;
    const analysis = await host.analyses.find(text, host.maxLength(), host.analyserId(), keep, corpus.publishedHints(key), hash);
    if (analysis && corpus === host.corpus()) corpus.primeAnalysis(analysis); // not after a settings change: made under the old ones
  }
}
