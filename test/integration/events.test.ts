// The vscode-API suite for the user's event edits: rename and merge through the commands the Events view's
// items offer, written to the sidecars as event annotations and winning over the model. Cleans up after itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/codec';
import type { StoryEvent } from '../../src/core/events';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, readText, until } from './helpers';

suite('Source Annotator in VS Code: event edits', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
  });

  suiteTeardown(async () => {
    // the event annotations these tests made go again
    for (const [path, a] of api.view().articles) for (const p of a.annotations) if (p.annotation.kind === 'event') await vscode.commands.executeCommand('sourceAnnotator.deleteAnnotation', { article: path, id: p.annotation.id });
    await until('the event annotations removed', () => [...api.view().articles.values()].every(a => a.annotations.every(p => p.annotation.kind !== 'event')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const events = () => api.view().events;
  const holding = (path: string, start: number) => events().find(e => e.mentions.some(m => m.path === path && m.start === start));

  test('Rename Event… names the whole event, across its sources, in the sidecar', async () => {
    const event = events().find(e => new Set(e.mentions.map(m => m.path)).size > 1);
    assert.ok(event, 'an event told by two sources');
    await vscode.commands.executeCommand('sourceAnnotator.renameEvent', { event }, 'The Hanoi summit');
    const renamed = await until('the event renamed', () => events().find(e => e.eventId === event.eventId && e.label === 'The Hanoi summit'));
    assert.equal(renamed.origin, 'user');
    assert.deepEqual(new Set(renamed.mentions.map(m => m.path)), new Set(event.mentions.map(m => m.path)), 'every source stays with it');
    const first = event.mentions[0];
    const sidecar = parseSidecar(await readText(api.sidecarUri(vscode.Uri.parse(first.path))), 'article').sidecar!;
    const written = sidecar.annotations.find(a => a.kind === 'event' && a.links.eventId === event.eventId);
    assert.equal(written?.label, 'The Hanoi summit');
    assert.equal(written?.anchor.text, first.text, 'anchored on one of its mentions');
  });

  test('Merge Event Into… makes two events one: the same eventId on a mention of each', async () => {
    const [one, two] = events().filter((e: StoryEvent) => e.origin === 'model' && e.mentions.length >= 1).slice(0, 2);
    assert.ok(one && two, 'two events of the model');
    const m = one.mentions[0];
    await vscode.commands.executeCommand('sourceAnnotator.mergeEvents', one, two.eventId);
    const merged = await until('the events merged', () => { const e = holding(m.path, m.start); return e?.eventId === two.eventId && e; });
    for (const x of two.mentions) assert.equal(holding(x.path, x.start)?.eventId, two.eventId, 'the target keeps its mentions');
    assert.ok(merged.mentions.length >= one.mentions.length + two.mentions.length);
    assert.ok(!events().some(e => e.eventId === one.eventId), 'the merged event is gone from the timeline');
  });
});
