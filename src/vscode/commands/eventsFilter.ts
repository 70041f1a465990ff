import * as vscode from 'vscode';
import { eventParticipants } from '../../core/timeline/sources';
import type { CorpusService } from '../corpusService';
import type { EventsTree } from '../trees/events';

/**
 * "Filter Events by Person or Organisation…" and "Clear Events Filter": narrows the Events view to the events a
 * person or organisation takes part in. The view's description names the filter; a context key shows the
 * clear action in the view's title bar while a filter is on (context key sourceAnnotator.eventsFiltered); a
 * filter that leaves nothing says so in the view.
 */
export class EventsFilterCommands implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService, private readonly tree: EventsTree, private readonly view: vscode.TreeView<unknown>) {
    this.subscription = tree.onDidChangeTreeData(() => this.sayWhenEmpty());
    void this.show();
  }

  /** With an entity id (the API, tests) the filter is set at once; otherwise a quick pick of who takes part in events. */
  async pick(entityId?: string): Promise<string | undefined> {
    await this.corpus.ready();
    const view = this.corpus.view();
    const participants = eventParticipants(view.events, view.entities);
    let chosen = entityId === undefined ? undefined : participants.find(p => p.entity.id === entityId)?.entity;
    if (entityId === undefined) {
      if (!participants.length) {
        void vscode.window.showInformationMessage('No person or organisation takes part in an event yet.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(participants.map(p => ({
        label: p.entity.name,
        description: `${p.entity.type === 'PERSON' ? 'Person' : 'Organisation'} · ${p.events} event${p.events === 1 ? '' : 's'}`,
        iconPath: new vscode.ThemeIcon(p.entity.type === 'PERSON' ? 'person' : 'organization'),
        id: p.entity.id,
      })), { title: 'Filter Events by Person or Organisation', placeHolder: 'Show only the events this person or organisation takes part in', matchOnDescription: true });
      chosen = picked && participants.find(p => p.entity.id === picked.id)?.entity;
    }
    if (!chosen) return undefined;
    this.tree.setFilter({ entityId: chosen.id, name: chosen.name });
    await this.show();
    return chosen.id;
  }

  async clear(): Promise<void> {
    this.tree.setFilter(undefined);
    await this.show();
  }

  private async show(): Promise<void> {
    const filter = this.tree.activeFilter;
    this.view.description = filter ? `with ${filter.name}` : undefined;
    this.sayWhenEmpty();
    await vscode.commands.executeCommand('setContext', 'sourceAnnotator.eventsFiltered', Boolean(filter));
  }

  private sayWhenEmpty(): void {
    const filter = this.tree.activeFilter;
    this.view.message = filter && !this.tree.calendar().size ? `No event with ${filter.name} any more. Clear the filter to see every event.` : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
