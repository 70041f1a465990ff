// The Events view's filter and the Show Timeline panel, through the extension's API in a real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi } from './helpers';

suite('Events: filter and Show Timeline', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    await api.ready();
  });

  teardown(async () => {
    await api.filterEvents(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('filtering by a person keeps exactly the events they take part in; clearing brings back all', async () => {
    const events = api.view().events;
    const kim = 'person:kim-jong-un';
    const theirs = events.filter(e => e.participants.includes(kim));
    assert.ok(theirs.length > 0 && theirs.length < events.length, `${theirs.length} of ${events.length} events with Kim Jong Un`);
    const filtered = await api.filterEvents(kim);
    assert.equal(filtered.size, theirs.length);
    const shown = [...filtered.periods.flatMap(p => [...p.events, ...p.months.flatMap(m => [...m.events, ...m.days.flatMap(d => d.events)])]), ...filtered.undated];
    assert.deepEqual(new Set(shown.map(e => e.eventId)), new Set(theirs.map(e => e.eventId)));
    assert.equal((await api.filterEvents(undefined)).size, events.length);
  });

  test('Show Timeline draws the dated events, one lane per outlet or per person, and opens an item’s mention', async () => {
    const byOutlet = await api.showTimeline('outlet');
    const dated = api.view().events.filter(e => /^\d{4}/.test(e.date));
    assert.equal(new Set(byOutlet.items.map(i => i.eventId)).size, dated.length);
    assert.ok(byOutlet.groups.some(g => g.content === 'Xinhua'), byOutlet.groups.map(g => g.content).join(', '));
    const byPerson = await api.showTimeline('person');
    assert.ok(byPerson.groups.some(g => g.content === 'Kim Jong Un'), byPerson.groups.map(g => g.content).join(', '));
    const item = byPerson.items[0];
    assert.ok(await api.openTimelineItem(item.id));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), item.mention.path);
    assert.equal(editor.document.offsetAt(editor.selection.start), item.mention.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), item.mention.end);
    assert.equal(await api.openTimelineItem('no such item'), false);
  });
});
