// The vscode-API suite for the user's event edits: mark from a selection, rename, merge and split through the
// commands the editor and the Events view's items offer, written to the sidecars as event annotations and winning
// over the model. Cleans up after itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/codec';
import type { StoryEvent } from '../../src/core/events';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, openArticle, positionOf, readText, until } from './helpers';

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
  const sidecarOf = async (path: string) => parseSidecar(await readText(api.sidecarUri(vscode.Uri.parse(path))), 'article').sidecar!;

  /** Selects a phrase of the Xinhua article; its start offset. */
  async function select(phrase: string): Promise<{ path: string; start: number }> {
    const editor = await openArticle('xinhua-kim-trump-meet-hanoi.txt');
    const from = positionOf(editor.document, phrase);
    editor.selection = new vscode.Selection(from, from.translate(0, phrase.length));
    return { path: editor.document.uri.toString(), start: editor.document.offsetAt(from) };
  }

  test('Mark as Event… makes the selection a new event, named and dated, in the sidecar', async () => {
    const phrase = 'one-on-one closed-door dialogue';
    const at = await select(phrase);
    const inside = (m: { path: string; start: number; end: number }) => m.path === at.path && at.start <= m.start && m.end <= at.start + phrase.length;
    // the model's event of a trigger in the selection ("dialogue"), whose other mentions must stay with it
    const before = events().find(e => e.mentions.some(inside));
    await vscode.commands.executeCommand('sourceAnnotator.markEvent', { label: 'Kim–Trump one-on-one talks', date: '2019-02-27' });
    const marked = await until('the marked event in the timeline', () => events().find(e => e.label === 'Kim–Trump one-on-one talks'));
    assert.equal(marked.origin, 'user');
    assert.equal(marked.date, '2019-02-27');
    assert.ok(marked.mentions.some(inside), 'its mention is in the selection');
    for (const m of before?.mentions.filter(x => !inside(x)) ?? []) assert.notEqual(holding(m.path, m.start)?.eventId, marked.eventId, 'the rest of the model’s event stays');
    const written = (await sidecarOf(at.path)).annotations.find(a => a.kind === 'event' && a.links.eventId === marked.eventId);
    assert.equal(written?.label, 'Kim–Trump one-on-one talks');
    assert.equal(written?.date, '2019-02-27');
    assert.equal(written?.anchor.text, 'one-on-one closed-door dialogue');
  });

  test('Mark as Event… onto an event of the timeline adds the selection to its mentions', async () => {
    const target = events().find(e => e.label === 'Kim–Trump one-on-one talks') ?? events()[0];
    const phrase = 'brief one-on-one chat';
    const at = await select(phrase);
    await vscode.commands.executeCommand('sourceAnnotator.markEvent', { eventId: target.eventId });
    // the selection's mention: the selection itself, or the model's trigger in it ("chat", when the model finds one)
    const inside = (m: { path: string; start: number; end: number }) => m.path === at.path && at.start <= m.start && m.end <= at.start + phrase.length;
    const grown = await until('the selection a mention of the event', () => { const e = events().find(x => x.mentions.some(inside)); return e?.eventId === target.eventId && e; });
    assert.ok(grown.mentions.length > target.mentions.length);
    assert.ok((await sidecarOf(at.path)).annotations.some(a => a.kind === 'event' && a.links.eventId === target.eventId && a.anchor.text === 'brief one-on-one chat'));
  });

  test('Split Event… takes the ticked mentions off into a new event; the others stay', async () => {
    const event = events().find(e => e.origin === 'model' && new Set(e.mentions.map(m => m.path)).size > 1);
    assert.ok(event, 'an event of the model told by two sources');
    const [taken, ...kept] = event.mentions;
    await vscode.commands.executeCommand('sourceAnnotator.splitEvent', { event }, [taken], 'Split-off event');
    const split = await until('the mention split off', () => { const e = holding(taken.path, taken.start); return e?.label === 'Split-off event' && e; });
    assert.notEqual(split.eventId, event.eventId);
    assert.equal(split.origin, 'user');
    assert.deepEqual(split.mentions.map(m => [m.path, m.start]), [[taken.path, taken.start]], 'only the ticked mention');
    for (const m of kept) assert.notEqual(holding(m.path, m.start)?.eventId, split.eventId, 'the others stay apart from it');
    assert.ok((await sidecarOf(taken.path)).annotations.some(a => a.kind === 'event' && a.links.eventId === split.eventId && a.label === 'Split-off event'));
  });

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
