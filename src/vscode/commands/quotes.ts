import * as vscode from 'vscode';
import { makeAnchor } from '../../core/annotations/anchor';
import { newAnnotationId, type Annotation } from '../../core/annotations/model';
import type { ArticleView, ResolvedQuote } from '../../core/corpus';
import { containsOffset } from '../../core/text/span';
import type { CorpusService } from '../corpusService';
import { quoteTarget } from '../quoteTarget';
import { author, short } from './annotate';
import type { AnnotationWriter } from '../annotationWriter';

/** Which quote a command is about: a hover link's {article, start}; without it, the one under the cursor. */
export interface QuoteRefArg {
  article: string;
  start: number;
}

const SOMEONE_ELSE = 'other';
const UNKNOWN = 'unknown';
const MODEL = 'model';

/**
 * The user's corrections of quotations, stored in the sidecar like any annotation and winning over the model:
 * who said it (a `quote` annotation over the quotation, its speaker in `links.speaker`), and that it is not a
 * quotation at all (a `not-quote` annotation, which hides the model's quote there).
 */
export class QuoteCorrections {
  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter) {}

  /**
   * "Change Speaker…": people of this article first, then everyone in the corpus, someone typed by name, or
   * unknown; a quote already corrected can go back to the model's attribution.
   * `speaker` (an entity id or a name; '' for unknown) skips the questions, for tests and other extensions.
   */
  async setSpeaker(arg?: QuoteRefArg, speaker?: string): Promise<Annotation | undefined> {
    const found = this.find(arg);
    if (!found) return undefined;
    const { article, quote } = found;
    let chosen = speaker;
    if (chosen === undefined) {
      const pick = await vscode.window.showQuickPick(this.choices(article, quote), {
        title: `Who said “${short(quote.text)}”?`, placeHolder: 'Type to filter people', matchOnDescription: true,
      });
      if (!pick) return undefined;
      if (pick.id === MODEL) return this.restore(article, quote);
      if (pick.id === SOMEONE_ELSE) {
        chosen = await vscode.window.showInputBox({ title: 'Speaker’s name', prompt: 'As the article names them: “Choe Son Hui”, “a White House official”', validateInput: v => (v.trim() ? undefined : 'Type a name') });
        if (!chosen) return undefined;
        chosen = chosen.trim();
      } else chosen = pick.id === UNKNOWN ? '' : pick.id;
    }
    const links = chosen ? { speaker: chosen } : {};
    return this.upsert(article, quote, { kind: 'quote', links });
  }

  /** "Not a Quotation": the quote disappears here (the model's) or the user's own quote becomes a rejection. */
  async markNotAQuote(arg?: QuoteRefArg): Promise<Annotation | undefined> {
    const found = this.find(arg);
    if (!found) return undefined;
    const saved = await this.upsert(found.article, found.quote, { kind: 'not-quote', links: {} });
    void vscode.window.setStatusBarMessage(`$(check) “${short(found.quote.text)}” is no longer a quotation; delete the annotation to undo`, 5000);
    return saved;
  }

  private choices(article: ArticleView, quote: ResolvedQuote): (vscode.QuickPickItem & { id: string })[] {
    const view = this.corpus.view();
    const here = new Map<string, number>();
    for (const m of article.mentions) if (m.type === 'PERSON' && m.entityId) here.set(m.entityId, (here.get(m.entityId) ?? 0) + 1);
    const people = [...view.entities.values()].filter(e => e.type === 'PERSON' || e.type === 'ORG');
    const item = (e: (typeof people)[number]) => ({
      label: `$(${e.type === 'ORG' ? 'organization' : 'person'}) ${e.name}`, id: e.id,
      description: [here.has(e.id) ? `${here.get(e.id)} mention${here.get(e.id) === 1 ? '' : 's'} here` : '', quote.speaker?.entityId === e.id ? 'current speaker' : ''].filter(Boolean).join(' · '),
    });
    const inArticle = people.filter(e => here.has(e.id)).sort((a, b) => here.get(b.id)! - here.get(a.id)! || a.name.localeCompare(b.name));
    const elsewhere = people.filter(e => !here.has(e.id) && e.type === 'PERSON').sort((a, b) => a.name.localeCompare(b.name));
    return [
      { label: '$(edit) Someone else…', id: SOMEONE_ELSE, description: 'type a name' },
      { label: '$(question) Unknown speaker', id: UNKNOWN },
      ...(quote.origin === 'user' ? [{ label: '$(discard) Back to the automatic attribution', id: MODEL, description: 'deletes your correction' }] : []),
      { label: 'In this article', kind: vscode.QuickPickItemKind.Separator, id: '' },
      ...inArticle.map(item),
      { label: 'Elsewhere in the corpus', kind: vscode.QuickPickItemKind.Separator, id: '' },
      ...elsewhere.map(item),
    ];
  }

  /** Updates the user's annotation on this quote, or adds one anchored on the whole quotation. */
  private async upsert(article: ArticleView, quote: ResolvedQuote, patch: Pick<Annotation, 'kind' | 'links'>): Promise<Annotation | undefined> {
    const uri = vscode.Uri.parse(article.path);
    const text = await this.writer.currentText(uri);
    const now = new Date().toISOString();
    let saved: Annotation | undefined;
    await this.writer.save(uri, text, list => {
      const existing = quote.annotationId ? list.find(a => a.id === quote.annotationId) : undefined;
      if (existing) {
        saved = { ...existing, ...patch, updated: now };
        return list.map(a => (a === existing ? saved! : a));
      }
      saved = { id: newAnnotationId(), ...patch, author: author(), created: now, updated: now, anchor: makeAnchor(text, quote) };
      return [...list, saved];
    });
    return saved;
  }

  private async restore(article: ArticleView, quote: ResolvedQuote): Promise<undefined> {
    const uri = vscode.Uri.parse(article.path);
    await this.writer.save(uri, await this.writer.currentText(uri), list => list.filter(a => a.id !== quote.annotationId));
    return undefined;
  }

  private find(arg?: QuoteRefArg): { article: ArticleView; quote: ResolvedQuote } | undefined {
    this.corpus.flushPending();
    const target = quoteTarget(this.corpus, arg ? [arg] : []);
    const article = target && this.corpus.view().articles.get(target.path);
    const offset = target?.start;
    const quote = article && offset !== undefined ? article.quotes.find(q => containsOffset(q, offset!)) : undefined;
    if (!article || !quote) {
      void vscode.window.showInformationMessage('Put the cursor in a quotation first.');
      return undefined;
    }
    return { article, quote };
  }
}
