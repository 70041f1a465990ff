import * as vscode from 'vscode';
import type { EventMention, StoryEvent } from '../../core/events';
import type { CorpusView } from '../../core/corpus';
import { refreshInterval, SCAN_REGROUP } from '../../core/corpus/pacing';
import { countEvents, eventCalendar, type CalendarDay, type CalendarMonth, type CalendarPeriod, type EventCalendar } from '../../core/timeline/calendar';
import { Outlets } from '../../core/timeline/outlets';
import { entityName, eventSources, listInWords, oneLine } from '../../core/timeline/sources';
import type { CorpusChange } from '../corpusChanges';
import { CorpusTree, moreItem, paged, revealCommand, workspacePath, type More } from './common';

/**
 * Rows of the Events view. An event row's element is the StoryEvent itself (what commands on an event row —
 * contextValue 'event' — receive); a source row's (contextValue 'eventMention') carries its event and mentions.
 */
export type EventsNode =
  | StoryEvent
  | { kind: 'period'; period: CalendarPeriod }
  | { kind: 'month'; month: CalendarMonth }
  | { kind: 'day'; day: CalendarDay }
  | { kind: 'undated'; events: StoryEvent[] }
  | { kind: 'source'; event: StoryEvent; path: string; mentions: EventMention[] }
  | { kind: 'mention'; event: StoryEvent; mention: EventMention }
  | { kind: 'grouping'; articles: number }
  | More<EventsNode>;

/** Who the view is narrowed to: a person or organisation taking part. */
export interface EventsFilter {
  entityId: string;
  name: string;
}

/** Up to this many events, the calendar opens expanded; beyond, a row at a time. */
const OPEN_UP_TO = 60;

/**
 * From this many articles, the events are grouped in slices (src/vscode/resolveSlices.ts; a second or two in
 * one block at 10,000 articles), the calendar shown before it staying meanwhile.
 */
const SLICED_FROM = 1000;

const NO_EVENTS = eventCalendar([]);

const isEvent = (node: EventsNode): node is StoryEvent => 'eventId' in node;
const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/**
 * The Events view: a timeline of the corpus, period → month → day → event → one row per source (outlet first,
 * then its words), undated events last. The calendar is worked out once per list of events (the corpus hands a
 * new list only when events changed) and filter; rows are made only when a row is opened.
 */
export class EventsTree extends CorpusTree<EventsNode> {
  private filter: EventsFilter | undefined;
  /** The calendar shown, of the view `view` (or the last session's events: `view` undefined). */
  private placed: { view: unknown; events: readonly StoryEvent[]; filter: EventsFilter | undefined; calendar: EventCalendar; at: number; ms: number } | undefined;
  private later: ReturnType<typeof setTimeout> | undefined;
  private readonly outlets = new Outlets();

  /** An edit that moves no dated sentence leaves the timeline as it is. */
  protected override affectedBy(change: CorpusChange): boolean {
    return change.events || change.all;
  }

  get activeFilter(): EventsFilter | undefined {
    return this.filter;
  }

  setFilter(filter: EventsFilter | undefined): void {
    this.filter = filter;
    this.refresh();
  }

  calendar(): EventCalendar {
    // the last session's timeline while the folder is read again (src/vscode/lastSession.ts)
    const kept = this.corpus.keptEvents();
    if (kept) return this.place(undefined, kept);
    const view = this.corpus.view();
    const placed = this.placed;
    // while a folder is read, the last grouping is shown until the next is due (src/core/corpus/pacing.ts);
    // not the last session's, once it no longer holds
    if (placed?.view !== undefined && placed.view !== view && placed.filter === this.filter && this.corpus.scan.current.running) {
      const wait = placed.at + refreshInterval(SCAN_REGROUP, placed.ms) - Date.now();
      if (wait > 0) {
        this.later ??= setTimeout(() => { this.later = undefined; this.refresh(); }, wait);
        return placed.calendar;
      }
    }
    if (this.groupsInSlices(view)) return placed?.calendar ?? NO_EVENTS;
    return this.place(view, () => view.events);
  }

  /** The events being grouped in slices, of a corpus of how many articles (undefined: none are). */
  private grouping: { articles: number } | undefined;

  /**
   * Whether the events are being grouped in slices (a large corpus): once they are, they are shown (as of the
   * view `view`, which the next grouping during a scan waits for, as the pacing says) and the view refreshed.
   */
  private groupsInSlices(view: CorpusView): boolean {
    if (this.grouping) return true;
    if (view.articles.size < SLICED_FROM) return false;
    const grouped = this.corpus.groupEventsInSlices();
    if (!grouped) return false;
    const grouping = (this.grouping = { articles: view.articles.size });
    const started = Date.now();
    void grouped.then(done => {
      if (done && this.grouping === grouping) this.show(view, done.events, started, done.ms);
    }).finally(() => {
      if (this.grouping === grouping) this.grouping = undefined;
      this.refresh();
    });
    return true;
  }

  /** The calendar of these events (of the view `from`; undefined: the last session's), worked out again only when they or the filter changed. */
  private place(from: object | undefined, events: readonly StoryEvent[] | (() => readonly StoryEvent[])): EventCalendar {
    const started = Date.now();
    const list = typeof events === 'function' ? events() : events;
    return this.show(from, list, started, Date.now() - started);
  }

  /** Shows these events, grouped from `at` on in `ms` of the main thread (the pacing of the next grouping counts both). */
  private show(from: object | undefined, list: readonly StoryEvent[], at: number, ms: number): EventCalendar {
    const placed = this.placed;
    if (placed?.events !== list || placed.filter !== this.filter) {
      const id = this.filter?.entityId;
      const started = Date.now();
      const calendar = eventCalendar(list, id ? e => e.participants.includes(id) : undefined);
      this.placed = { view: from, events: list, filter: this.filter, calendar, at, ms: ms + Date.now() - started };
    } else this.placed = { ...placed, view: from };
    return this.placed.calendar;
  }

  override dispose(): void {
    clearTimeout(this.later);
    super.dispose();
  }

  outletOf(path: string): string {
    return this.outlets.of(path, this.corpus.view().articles.get(path)?.text);
  }

  getChildren(node?: EventsNode): EventsNode[] {
    if (!node) {
      const calendar = this.calendar();
      if (calendar === NO_EVENTS && this.grouping) return [{ kind: 'grouping', articles: this.grouping.articles }];
      const rows: EventsNode[] = calendar.periods.map(period => ({ kind: 'period', period }));
      return calendar.undated.length ? [...rows, { kind: 'undated', events: calendar.undated }] : rows;
    }
    if (isEvent(node)) return eventSources(node).map(s => ({ kind: 'source', event: node, path: s.path, mentions: s.mentions }));
    switch (node.kind) {
      case 'more': return paged(node.rest, node.what, `${node.parent}+`);
      case 'period': return [...paged<EventsNode>(node.period.events, 'events', node.period.key), ...node.period.months.map(month => ({ kind: 'month' as const, month }))];
      case 'month': return [...paged<EventsNode>(node.month.events, 'events', node.month.key), ...node.month.days.map(day => ({ kind: 'day' as const, day }))];
      case 'day': return paged(node.day.events, 'events', node.day.key);
      case 'undated': return paged(node.events, 'events', 'undated');
      case 'source': return node.mentions.length > 1 ? node.mentions.map(mention => ({ kind: 'mention', event: node.event, mention })) : [];
      default: return [];
    }
  }

  getTreeItem(node: EventsNode): vscode.TreeItem {
    if (isEvent(node)) return this.eventItem(node);
    const open = this.calendar().size <= OPEN_UP_TO ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'more': return moreItem(node);
      case 'period': return this.dateItem(`period/${node.period.key}`, node.period.words, countEvents(node.period), open, 'calendar');
      case 'month': return this.dateItem(`month/${node.month.key}`, node.month.words, countEvents(node.month), open, 'calendar');
      case 'day': return this.dateItem(`day/${node.day.key}`, node.day.words, node.day.events.length, open, 'circle-small-filled');
      case 'undated': return this.dateItem('undated', 'Undated', node.events.length, open, 'question');
      case 'source': return this.sourceItem(node);
      case 'grouping': {
        const item = new vscode.TreeItem(`Grouping the events of ${plural(node.articles, 'article')}…`);
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(oneLine(node.mention.text, 120));
        item.tooltip = node.mention.text;
        item.command = revealCommand(node.mention.path, node.mention);
        item.contextValue = 'eventMention';
        item.iconPath = new vscode.ThemeIcon('quote');
        return item;
      }
    }
  }

  private dateItem(id: string, label: string, events: number, state: vscode.TreeItemCollapsibleState, icon: string): vscode.TreeItem {
    const item = new vscode.TreeItem(label, state);
    item.description = plural(events, 'event');
    item.iconPath = new vscode.ThemeIcon(icon);
    item.id = `events/${id}`;
    return item;
  }

  protected override tooltip(node: EventsNode): vscode.MarkdownString | undefined {
    if (isEvent(node)) return this.eventTooltip(node);
    if (!('kind' in node) || node.kind !== 'source') return undefined;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown('**').appendText(this.outletOf(node.path)).appendMarkdown('** — ').appendText(workspacePath(node.path)).appendMarkdown('\n\n').appendText(oneLine(node.mentions[0].text, 600));
    return tip;
  }

  private eventTooltip(e: StoryEvent): vscode.MarkdownString {
    const sources = eventSources(e);
    const date = this.calendar().dateOf(e);
    const outlets = [...new Set(sources.map(s => this.outletOf(s.path)))];
    const people = e.participants.map(id => entityName(id, this.corpus.lists().entities)); // the last session's names while the folder is read again
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown('**').appendText(e.label).appendMarkdown('**\n\n').appendText(date.precision === 'undated' ? (e.date ? `Undated (${date.words})` : 'Undated') : date.words);
    tip.appendMarkdown('\n\n').appendText(`Reported by ${listInWords(outlets)} (${plural(sources.length, 'source')})`);
    if (people.length) tip.appendMarkdown('\n\n').appendText(`With ${listInWords(people)}`);
    if (e.origin === 'user') tip.appendMarkdown('\n\n').appendText('Your annotation');
    return tip;
  }

  private eventItem(e: StoryEvent): vscode.TreeItem {
    const sources = eventSources(e);
    const date = this.calendar().dateOf(e);
    const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.Collapsed);
    // a day is said by its row above; a week, a quarter, a season or a reference is said here
    const when = date.precision === 'day' || date.precision === 'month' || date.precision === 'year' || !e.date ? '' : `${date.words} · `;
    item.description = `${when}${plural(sources.length, 'source')}${e.origin === 'user' ? ' · yours' : ''}`;
    item.iconPath = new vscode.ThemeIcon(e.origin === 'user' ? 'star-full' : 'symbol-event');
    item.contextValue = 'event';
    item.id = `event/${e.eventId}`;
    return item;
  }

  private sourceItem(node: Extract<EventsNode, { kind: 'source' }>): vscode.TreeItem {
    const first = node.mentions[0];
    const more = node.mentions.length - 1;
    const item = new vscode.TreeItem(this.outletOf(node.path), more ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = `${oneLine(first.text, 140)}${more ? ` (+${more} more)` : ''}`;
    item.resourceUri = vscode.Uri.parse(node.path);
    item.iconPath = vscode.ThemeIcon.File;
    item.command = revealCommand(node.path, first);
    item.contextValue = 'eventMention';
    item.id = `event/${node.event.eventId}/${node.path}`;
    return item;
  }
}
