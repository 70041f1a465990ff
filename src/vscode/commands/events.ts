import * as vscode from 'vscode';
import { makeAnchor } from '../../core/annotations/anchor';
import { newAnnotationId, type Annotation } from '../../core/annotations/model';
import type { EventMention, StoryEvent } from '../../core/events';
import { mergePlan, newEventId, renamePlan, splitPlan, stayPlan, type EditPlan } from '../../core/events/editPlan';
import type { AnnotationWriter } from '../annotationWriter';
import type { CorpusService } from '../corpusService';
import { workspacePath } from '../trees/common';
import type { AnnotationCommands } from './annotate';
import { author, short } from './annotate';

/** A tree item's event: the StoryEvent itself, or a node holding it ({ event }). */
export type StoryEventArg = StoryEvent | { event: StoryEvent } | undefined;

/** What the sidecar's `date` holds (media/sidecar.schema.json): a year, a month or a day. */
const DATE_VALUE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const validDate = (v: string) => (!v || DATE_VALUE.test(v) ? undefined : 'Use 2019-02-27, 2019-02 or 2019');

/**
 * The user's event edits — mark from a selection, rename, re-date, merge, split — written to the sidecars as
 * event annotations (src/core/events/editPlan.ts) and winning over the model. Each command takes the event
 * from the Events view (contextValue 'event'); the optional values skip the questions (tests, other extensions).
 */
export class EventCommands {
  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter, private readonly annotations: AnnotationCommands) {}

  /** "Mark as Event…": the selection becomes a mention of a new event, or of one already in the timeline (`eventId`); a `label` alone names a new one. */
  async markEvent(options?: { eventId?: string; label?: string; date?: string }): Promise<Annotation | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Select the words that tell the event first.');
      return undefined;
    }
    const selected = editor.document.getText(editor.selection);
    let target = options?.eventId !== undefined ? this.current(options.eventId) : undefined;
    if (options?.eventId === undefined && options?.label === undefined) {
      const pick = await vscode.window.showQuickPick(
        [{ label: '$(add) New event…', event: undefined as StoryEvent | undefined }, ...this.corpus.view().events.map(event => ({ label: event.label, description: event.date || 'undated', event }))],
        { title: `Mark “${short(selected)}” as an event`, placeHolder: 'A new event, or the event it tells' },
      );
      if (!pick) return undefined;
      target = pick.event;
    }
    if (target) {
      await this.apply(renamePlan(this.corpus.view(), target, {}));
      return this.annotations.annotateSelection({ kind: 'event', link: target.eventId, note: '', date: '' });
    }
    const label = options?.label ?? (await vscode.window.showInputBox({ title: 'Name of the event, as in a timeline', value: short(selected), prompt: '“Trump–Kim dinner, Hanoi”' }));
    if (!label) return undefined;
    const date = options?.date ?? (await vscode.window.showInputBox({ title: 'Date of the event (optional)', prompt: '2019-02-27, 2019-02 or 2019', validateInput: validDate }));
    if (date === undefined) return undefined;
    // a model mention in the selection goes to the new event; the rest of its event stays where it was
    const path = editor.document.uri.toString(), start = editor.document.offsetAt(editor.selection.start), end = editor.document.offsetAt(editor.selection.end);
    for (const event of this.corpus.view().events) {
      const taken = event.mentions.filter(m => m.path === path && m.start < end && start < m.end);
      if (taken.length && taken.length < event.mentions.length) await this.apply(stayPlan(this.corpus.view(), event, taken));
    }
    return this.annotations.annotateSelection({ kind: 'event', link: newEventId(this.corpus.view(), label), label, date, note: '' });
  }

  async rename(arg?: StoryEventArg, label?: string): Promise<void> {
    const event = this.eventOf(arg);
    if (!event) return;
    const name = label ?? (await vscode.window.showInputBox({ title: 'Rename the event', value: event.label }));
    if (!name || name === event.label) return;
    await this.apply(renamePlan(this.corpus.view(), event, { label: name }));
  }

  async redate(arg?: StoryEventArg, date?: string): Promise<void> {
    const event = this.eventOf(arg);
    if (!event) return;
    const value = date ?? (await vscode.window.showInputBox({ title: `Date of “${short(event.label)}”`, value: event.date, prompt: '2019-02-27, 2019-02 or 2019', validateInput: validDate }));
    if (!value || value === event.date) return;
    await this.apply(renamePlan(this.corpus.view(), event, { date: value }));
  }

  /** Merges this event into another one the user picks (or `intoEventId`). */
  async merge(arg?: StoryEventArg, intoEventId?: string): Promise<void> {
    const event = this.eventOf(arg);
    if (!event) return;
    const others = this.corpus.view().events.filter(e => e.eventId !== event.eventId);
    const target = intoEventId !== undefined ? others.find(e => e.eventId === intoEventId) : (await vscode.window.showQuickPick(
      others.map(e => ({ label: e.label, description: e.date || 'undated', detail: `${new Set(e.mentions.map(m => m.path)).size} source(s)`, e })),
      { title: `Merge “${short(event.label)}” into…`, placeHolder: 'The event it is the same as' },
    ))?.e;
    if (!target) return;
    await this.apply(mergePlan(this.corpus.view(), event, target));
  }

  /** Splits the mentions the user picks (or `taken`) off into a new event. */
  async split(arg?: StoryEventArg, taken?: EventMention[], label?: string): Promise<void> {
    const event = this.eventOf(arg);
    if (!event) return;
    if (event.mentions.length < 2) {
      void vscode.window.showInformationMessage('This event has one mention: there is nothing to split.');
      return;
    }
    const chosen = taken ?? (await vscode.window.showQuickPick(
      event.mentions.map(m => ({ label: m.text, description: workspacePath(m.path), m })),
      { canPickMany: true, title: `Split “${short(event.label)}”: tick the mentions that are another event` },
    ))?.map(p => p.m);
    if (!chosen?.length || chosen.length === event.mentions.length) return;
    const name = label ?? (await vscode.window.showInputBox({ title: 'Name of the new event', value: event.label }));
    if (!name) return;
    const mentions = event.mentions.filter(m => chosen.some(c => c.path === m.path && c.start === m.start && c.end === m.end));
    await this.apply(splitPlan(this.corpus.view(), event, mentions, newEventId(this.corpus.view(), name), name));
  }

  private eventOf(arg: StoryEventArg): StoryEvent | undefined {
    this.corpus.flushPending();
    const given = arg && ('eventId' in arg ? arg : arg.event);
    return given && (this.current(given.eventId) ?? given);
  }

  private current(eventId: string): StoryEvent | undefined {
    return this.corpus.view().events.find(e => e.eventId === eventId);
  }

  /** Writes a plan: per article, the new annotations and the changed ones, in one save of its sidecar. */
  private async apply(plan: EditPlan): Promise<void> {
    const paths = new Set([...plan.add.map(p => p.path), ...plan.change.map(c => c.path)]);
    const now = new Date().toISOString();
    for (const path of paths) {
      const uri = vscode.Uri.parse(path);
      const text = await this.writer.currentText(uri);
      const added: Annotation[] = plan.add.filter(p => p.path === path).map(p => ({
        id: newAnnotationId(), kind: 'event', ...(p.label ? { label: p.label } : {}), ...(p.date ? { date: p.date } : {}),
        links: { eventId: p.eventId }, author: author(), created: now, updated: now, anchor: makeAnchor(text, p.span),
      }));
      const changes = new Map(plan.change.filter(c => c.path === path).map(c => [c.id, c.patch]));
      await this.writer.save(uri, text, list => [...list.map(a => {
        const patch = changes.get(a.id);
        if (!patch) return a;
        const { eventId, ...fields } = patch;
        return { ...a, ...fields, links: { ...a.links, ...(eventId ? { eventId } : {}) }, updated: now };
      }), ...added]);
    }
  }
}
