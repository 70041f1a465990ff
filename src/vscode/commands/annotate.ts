import * as os from 'node:os';
import * as vscode from 'vscode';
import { makeAnchor } from '../../core/annotations/anchor';
import { ANNOTATION_KINDS, KIND_ENTITY_TYPE, KIND_LABELS, newAnnotationId, type Annotation, type AnnotationKind } from '../../core/annotations/model';
import { findOccurrences } from '../../core/entities/occurrences';
import type { CorpusView } from '../../core/corpus';
import type { EntityType } from '../../core/model';
import { reach, reachInWords } from '../../core/outline';
import type { CorpusService } from '../corpusService';
import { toSpan } from '../convert';
import { readSettings } from '../settings';
import type { AnnotationWriter } from '../annotationWriter';
import { askClaimant, askRating } from './claims';

const KIND_DETAIL: Record<AnnotationKind, string> = {
  person: 'A person; optionally the same as someone already known',
  organisation: 'A company, party, government body, newsroom…',
  place: 'A country, city, building…',
  event: 'Something that happened, with a date for the timeline',
  quote: 'Someone’s words, with who said them',
  claim: 'A statement to check',
  note: 'Your own remark',
  'not-entity': 'Not a name: remove this highlight here and wherever the same text appears',
  'not-quote': 'Not someone’s words: remove the quotation found here',
};

const NO_LINK = '$(circle-slash) No link';

/** Who is writing: the setting, else the user name on this machine. */
export function author(): string {
  const configured = readSettings().author.trim();
  if (configured) return configured;
  try { return os.userInfo().username; } catch { return ''; }
}

/** Arguments from a hover link ({article, id}) or a tree item ({path, placed}). */
type AnnotationRef = { article: string; id: string } | { path: string; placed: { annotation: Annotation } };

export function refOf(arg: unknown): { article: string; id: string } | undefined {
  const a = arg as AnnotationRef | undefined;
  if (!a) return undefined;
  if ('article' in a) return a;
  if ('placed' in a) return { article: a.path, id: a.placed.annotation.id };
  return undefined;
}

export class AnnotationCommands {
  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter) {}

  /** Select text → kind → optional link → optional note → saved in the sidecar. */
  async annotateSelection(options?: { kind?: AnnotationKind; note?: string; label?: string; link?: string; date?: string; rating?: string; claimant?: string }): Promise<Annotation | undefined> {
    this.corpus.flushPending();
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Select the text to annotate first.');
      return undefined;
    }
    const document = editor.document;
    const span = toSpan(document, editor.selection);
    const selected = document.getText(editor.selection);
    const kind = options?.kind ?? (await vscode.window.showQuickPick(
      ANNOTATION_KINDS.map(k => ({ label: KIND_LABELS[k], detail: KIND_DETAIL[k], value: k })),
      { title: `Annotate “${short(selected)}”: choose a kind`, placeHolder: 'Kind of annotation' },
    ))?.value;
    if (!kind) return undefined;
    const links: Annotation['links'] = {};
    let label: string | undefined = options?.label;
    const entityType = KIND_ENTITY_TYPE[kind];
    if (options?.link !== undefined) {
      if (kind === 'quote') links.speaker = options.link; else if (kind === 'event') links.eventId = options.link; else links.entityId = options.link;
    } else if (entityType || kind === 'quote') {
      const type = entityType ?? 'PERSON';
      const pick = await vscode.window.showQuickPick(
        [{ label: kind === 'quote' ? '$(question) Unknown speaker' : NO_LINK, id: '' }, ...entityPicks(this.corpus.view(), type)],
        { title: kind === 'quote' ? 'Who said it?' : `Link “${short(selected)}” to an existing ${KIND_LABELS[kind].toLowerCase()} (optional)`, placeHolder: 'Type to filter' },
      );
      if (!pick) return undefined;
      if (pick.id) {
        if (kind === 'quote') links.speaker = pick.id; else links.entityId = pick.id;
        if (kind !== 'quote') label = pick.label;
      }
    }
    let date = options?.date;
    if (kind === 'event' && date === undefined) {
      date = await vscode.window.showInputBox({
        title: 'Date of the event (optional)', prompt: 'ISO date: 2019-02-27, 2019-02 or 2019', validateInput: v => !v || /^\d{4}(-\d\d(-\d\d)?)?$/.test(v) ? undefined : 'Use 2019-02-27, 2019-02 or 2019',
      });
      if (date === undefined) return undefined;
    }
    let rating = options?.rating;
    if (kind === 'claim') {
      // asked in the command; a caller that gives options (the API, a test) gives these or leaves them out
      const claimant = options ? options.claimant : await askClaimant(this.corpus.view());
      if (claimant === undefined && !options) return undefined;
      if (claimant) links.claimant = claimant;
      if (!options) rating = await askRating();
      if (rating === undefined && !options) return undefined;
    }
    const note = options?.note ?? (await vscode.window.showInputBox({ title: `Note for this ${KIND_LABELS[kind].toLowerCase()} (optional)`, placeHolder: 'A few words to remember it by, or nothing' }));
    if (note === undefined) return undefined;
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: newAnnotationId(), kind, ...(label ? { label } : {}), ...(note ? { note } : {}), ...(date ? { date } : {}), ...(rating ? { rating } : {}),
      links, author: author(), created: now, updated: now, anchor: makeAnchor(document.getText(), span),
    };
    await this.writer.save(document.uri, document.getText(), list => [...list, annotation]);
    void vscode.window.setStatusBarMessage(`$(check) ${KIND_LABELS[kind]} saved to ${this.writer.sidecarUri(document.uri).path.split('/').pop()}`, 4000);
    return annotation;
  }

  /**
   * Marks every occurrence of the selected text (or of the mention under the cursor) in the corpus: kind and
   * link are asked once, then a review list shows each occurrence with its context, all ticked; the user
   * accepts all with Enter or unticks the ones that are something else.
   */
  async markAllOccurrences(options?: { kind?: AnnotationKind; link?: string; accept?: 'all' }): Promise<Annotation[]> {
    this.corpus.flushPending();
    const editor = vscode.window.activeTextEditor;
    if (!editor) return [];
    let range: vscode.Range | undefined = editor.selection.isEmpty ? undefined : editor.selection;
    if (!range) {
      const offset = editor.document.offsetAt(editor.selection.active);
      const m = this.corpus.article(editor.document.uri)?.mentions.find(x => x.start <= offset && offset <= x.end && x.type !== 'DATE');
      if (m) range = new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end));
    }
    if (!range) {
      void vscode.window.showInformationMessage('Select a name (or put the cursor on a highlighted one) to mark all its occurrences.');
      return [];
    }
    const needle = editor.document.getText(range);
    const kinds: AnnotationKind[] = ['person', 'organisation', 'place', 'not-entity'];
    const kind = options?.kind ?? (await vscode.window.showQuickPick(kinds.map(k => ({ label: KIND_LABELS[k], detail: KIND_DETAIL[k], value: k })), { title: `Mark every “${short(needle)}” as…` }))?.value;
    if (!kind) return [];
    let link = options?.link;
    const type = KIND_ENTITY_TYPE[kind];
    if (link === undefined && type) {
      const pick = await vscode.window.showQuickPick([{ label: NO_LINK, id: '' }, ...entityPicks(this.corpus.view(), type)], { title: `Link every “${short(needle)}” to…` });
      if (!pick) return [];
      link = pick.id;
    }
    const occurrences = findOccurrences(this.corpus.view(), needle, kind).filter(o => !o.annotated);
    if (!occurrences.length) {
      void vscode.window.showInformationMessage(`Every “${short(needle)}” is already marked.`);
      return [];
    }
    let chosen = occurrences;
    if (options?.accept !== 'all') {
      const items = occurrences.map(o => ({ label: o.context, description: o.path.slice(o.path.lastIndexOf('/') + 1), picked: true, o }));
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: `${occurrences.length} occurrences of “${short(needle)}”: untick the ones that are something else`, placeHolder: 'Enter accepts the ticked ones' });
      if (!picked) return [];
      chosen = picked.map(p => p.o);
    }
    const now = new Date().toISOString();
    const added: Annotation[] = [];
    const byArticle = new Map<string, typeof chosen>();
    for (const o of chosen) byArticle.set(o.path, [...(byArticle.get(o.path) ?? []), o]);
    for (const [path, list] of byArticle) {
      const uri = vscode.Uri.parse(path);
      const text = await this.writer.currentText(uri);
      const annotations = list.map(o => ({
        id: newAnnotationId(), kind, links: link ? { entityId: link } : {}, author: author(), created: now, updated: now,
        anchor: makeAnchor(text, o),
      } as Annotation));
      added.push(...annotations);
      await this.writer.save(uri, text, current => [...current, ...annotations]);
    }
    void vscode.window.setStatusBarMessage(`$(check) Marked ${added.length} occurrence${added.length === 1 ? '' : 's'} of “${short(needle)}” in ${byArticle.size} article${byArticle.size === 1 ? '' : 's'}`, 5000);
    return added;
  }

  /** "Not an entity" from the hover: rejects the highlighted mention (and, learned, the same text elsewhere). */
  async rejectMention(arg?: { article: string; start: number; end: number }): Promise<Annotation | undefined> {
    this.corpus.flushPending();
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    if (arg && editor.document.uri.toString() === arg.article) {
      editor.selection = new vscode.Selection(editor.document.positionAt(arg.start), editor.document.positionAt(arg.end));
    } else if (editor.selection.isEmpty) {
      const offset = editor.document.offsetAt(editor.selection.active);
      const m = this.corpus.article(editor.document.uri)?.mentions.find(x => x.start <= offset && offset <= x.end);
      if (!m) return undefined;
      editor.selection = new vscode.Selection(editor.document.positionAt(m.start), editor.document.positionAt(m.end));
    }
    return this.annotateSelection({ kind: 'not-entity', note: '' });
  }

  async edit(arg?: unknown): Promise<void> {
    this.corpus.flushPending();
    const found = await this.find(arg);
    if (!found) return;
    const { uri, annotation } = found;
    const action = await vscode.window.showQuickPick([
      { label: '$(note) Edit note…', action: 'note' }, { label: '$(symbol-enum) Change kind…', action: 'kind' }, { label: '$(tag) Change label…', action: 'label' },
      ...(annotation.kind === 'claim' ? [{ label: '$(law) Set verdict…', action: 'rating' }, { label: '$(person) Who made the claim…', action: 'claimant' }] : []),
    ], { title: `Edit ${KIND_LABELS[annotation.kind].toLowerCase()} “${short(annotation.anchor.text)}”` });
    if (!action) return;
    const patch: Partial<Annotation> = {};
    if (action.action === 'note') {
      const note = await vscode.window.showInputBox({ title: 'Note', value: annotation.note ?? '' });
      if (note === undefined) return;
      patch.note = note || undefined;
    } else if (action.action === 'kind') {
      const kind = await vscode.window.showQuickPick(ANNOTATION_KINDS.map(k => ({ label: KIND_LABELS[k], value: k })), { title: 'Kind' });
      if (!kind) return;
      patch.kind = kind.value;
    } else if (action.action === 'rating') {
      const rating = await askRating(annotation.rating);
      if (rating === undefined) return;
      patch.rating = rating || undefined;
    } else if (action.action === 'claimant') {
      const claimant = await askClaimant(this.corpus.view(), annotation.links.claimant);
      if (claimant === undefined) return;
      const { claimant: _old, ...links } = annotation.links;
      patch.links = claimant ? { ...links, claimant } : links;
    } else {
      const label = await vscode.window.showInputBox({ title: 'Label (a name or short title)', value: annotation.label ?? '' });
      if (label === undefined) return;
      patch.label = label || undefined;
    }
    await this.writer.save(uri, await this.writer.currentText(uri), list => list.map(a => a.id === annotation.id ? { ...a, ...patch, updated: new Date().toISOString() } : a));
  }

  async delete(arg?: unknown): Promise<void> {
    this.corpus.flushPending();
    const found = await this.find(arg);
    if (!found) return;
    const { uri, annotation } = found;
    await this.writer.save(uri, await this.writer.currentText(uri), list => list.filter(a => a.id !== annotation.id));
    // deleting is one click away from the hover and the tree: offer the way back
    void vscode.window.showInformationMessage(`Deleted ${KIND_LABELS[annotation.kind].toLowerCase()} “${short(annotation.anchor.text)}”.`, 'Undo').then(async choice => {
      if (choice === 'Undo') await this.writer.save(uri, await this.writer.currentText(uri), list => [...list.filter(a => a.id !== annotation.id), annotation]);
    });
  }

  async openSidecar(arg?: unknown): Promise<void> {
    const path = (arg as { path?: string } | undefined)?.path;
    const article = path ? vscode.Uri.parse(path) : vscode.window.activeTextEditor?.document.uri;
    if (!article) return;
    const uri = this.writer.sidecarUri(article);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showInformationMessage('This article has no annotations yet.');
      return;
    }
    await vscode.window.showTextDocument(uri);
  }

  /** The annotation meant: the argument, else the one under the cursor, else a pick from the article's. */
  private async find(arg: unknown): Promise<{ uri: vscode.Uri; annotation: Annotation } | undefined> {
    const ref = refOf(arg);
    if (ref) {
      const uri = vscode.Uri.parse(ref.article);
      const annotation = this.corpus.article(uri)?.annotations.find(p => p.annotation.id === ref.id)?.annotation;
      return annotation ? { uri, annotation } : undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const article = editor && this.corpus.article(editor.document.uri);
    if (!editor || !article) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    const here = article.annotations.filter(p => p.span && p.span.start <= offset && offset <= p.span.end);
    const choices = here.length === 1 ? here : here.length ? here : article.annotations;
    if (!choices.length) {
      void vscode.window.showInformationMessage('This article has no annotations.');
      return undefined;
    }
    const pick = choices.length === 1 ? { placed: choices[0] } : await vscode.window.showQuickPick(
      choices.map(placed => ({ label: `${KIND_LABELS[placed.annotation.kind]}: ${short(placed.annotation.anchor.text)}`, description: placed.annotation.note, placed })),
      { title: 'Which annotation?' },
    );
    return pick ? { uri: editor.document.uri, annotation: pick.placed.annotation } : undefined;
  }
}

export function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? t.slice(0, 39) + '…' : t;
}

/** The entities of a type to link to, the most mentioned first, each described in words ("51 mentions in 5 articles"), never by id. */
function entityPicks(view: CorpusView, type: EntityType): { label: string; description: string; id: string }[] {
  const picks = [...view.entities.values()].filter(e => e.type === type).map(e => ({ e, r: reach(view, e.id) }));
  picks.sort((a, b) => b.r.mentions - a.r.mentions || a.e.name.localeCompare(b.e.name));
  return picks.map(({ e, r }) => ({ label: e.name, description: reachInWords(r), id: e.id }));
}
