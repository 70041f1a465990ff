// The lists one session leaves for the next (People, Organisations & Places), kept in workspace storage and
// shown while the next session reads the folder again, until anything says they no longer hold.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusView } from '../../src/core/corpus';
import type { StoryEvent } from '../../src/core/events';
import type { CorpusService } from '../../src/vscode/corpusService';
import { EventsTree } from '../../src/vscode/trees/events';
import type { SourceAnnotatorApi } from '../../src/extension';
import { LastSessionLists, type ListsSource } from '../../src/vscode/lastSession';
import { SnapshotStore } from '../../src/vscode/snapshotStore';
import { activeApi } from './helpers';

const TYPES = ['PERSON', 'ORG', 'PLACE'] as const;

/** The corpus as the extension resolved it, with fingerprints that stand for what each article rests on. */
function sourceOf(view: CorpusView, fingerprint = (p: string) => `text of ${p}`): ListsSource & { listing: string[] } {
  const listing = [...view.articles.keys()];
  return { listing, view: () => view, fingerprint, listed: () => listing, events: () => view.events };
}

const people = (lists: { entities: ReadonlyMap<string, { type: string; name: string }> } | undefined) =>
  [...(lists?.entities.values() ?? [])].filter(e => e.type === 'PERSON').map(e => e.name).sort();

/** Waits until `check` holds (the store reads and writes in the background). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise(r => setTimeout(r, 25));
  assert.ok(check(), what);
}

suite('Source Annotator in VS Code: the last session\'s lists', () => {
  let api: SourceAnnotatorApi;
  let dir: string;
  let code: vscode.Uri;

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    await api.ready();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-lists-'));
    fs.writeFileSync(path.join(dir, 'extension.js'), 'version one');
    code = vscode.Uri.file(path.join(dir, 'extension.js'));
  });

  /** Keeps the extension's corpus as a session would at its end, in a folder of its own. */
  async function kept(folder: vscode.Uri, source: ListsSource): Promise<void> {
    const writer = new LastSessionLists(new SnapshotStore(folder, code), TYPES, source, () => undefined);
    writer.keep(true);
    await until(() => fs.existsSync(path.join(folder.fsPath, 'lists.json')), 'the lists were written');
  }

  /** The next session's lists, read back from `folder`, once they are shown. */
  async function shownFrom(folder: vscode.Uri, source: ListsSource): Promise<LastSessionLists> {
    const next = new LastSessionLists(new SnapshotStore(folder, code), TYPES, source, () => undefined);
    await until(() => next.lists() !== undefined, 'shown once read');
    return next;
  }

  test('what one session keeps, the next shows at once, the people of the corpus with their counts; the listing confirms it', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'a'));
    const view = api.view();
    const source = sourceOf(view);
    await kept(folder, source);
    let told = 0;
    const next = new LastSessionLists(new SnapshotStore(folder, code), TYPES, source, () => told++);
    await until(() => next.lists() !== undefined, 'shown once read');
    assert.equal(told, 1, 'the views were told');
    const lists = next.lists()!;
    assert.deepEqual(people(lists), people(view).filter(name => [...view.entities.values()].some(e => e.name === name && view.mentionCounts.get(e.id)?.size)));
    assert.ok(people(lists).includes('Kim Jong Un'), people(lists).join(', '));
    const kim = [...lists.entities.values()].find(e => e.name === 'Kim Jong Un')!;
    assert.deepEqual([...lists.mentionCounts.get(kim.id)!].sort(), [...view.mentionCounts.get(kim.id)!].sort());
    next.listedFolder([...source.listing].reverse());
    next.resolved(new Set(source.listing));
    assert.ok(next.lists(), 'the same files, every article as it was: still shown');
    next.drop(); // the scan ended: the corpus itself from now on
    assert.equal(next.lists(), undefined);
    assert.equal(told, 2);
  });

  test('the timeline is kept with the lists when it is grouped, shown with them and dropped with them', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'f'));
    const view = api.view();
    const source = sourceOf(view);
    await kept(folder, source);
    const next = await shownFrom(folder, source);
    assert.ok(view.events.length >= 3, `${view.events.length} events`);
    assert.deepEqual(next.events()?.map(e => [e.eventId, e.label, e.date, e.mentions.length]), view.events.map(e => [e.eventId, e.label, e.date, e.mentions.length]));
    next.drop();
    assert.equal(next.events(), undefined);

    const none = vscode.Uri.file(path.join(dir, 'g'));
    await kept(none, { ...source, events: () => undefined }); // not grouped when kept: not grouped for it
    const without = await shownFrom(none, source);
    assert.equal(without.events(), undefined, 'the lists without the timeline');
  });

  test('the Events view shows the last session\'s timeline while it holds, then the corpus\'s', () => {
    const view = api.view();
    const events = view.events;
    let keptEvents: readonly StoryEvent[] | undefined = events.slice(0, 2);
    let current: CorpusView = { articles: new Map(), entities: new Map(), mentionCounts: new Map(), events: [] }; // nothing read yet
    const changes = new vscode.EventEmitter<unknown>();
    const corpus = {
      onDidChange: changes.event, view: () => current, lists: () => view, keptEvents: () => keptEvents, scan: { current: { running: true } },
    } as unknown as CorpusService;
    const tree = new EventsTree(corpus);
    try {
      assert.equal(tree.calendar().size, 2, 'the last session\'s two events, before any article is read');
      keptEvents = undefined; // dropped: an article changed while the editor was closed
      current = view;
      assert.equal(tree.calendar().size, events.length, 'the corpus\'s own at once, not the last session\'s until the next regrouping');
    } finally {
      tree.dispose();
      changes.dispose();
    }
  });

  test('a file added or gone, or an article that changed, drops them; another version of the extension reads none', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'b'));
    const view = api.view();
    const source = sourceOf(view);
    await kept(folder, source);

    const added = await shownFrom(folder, source);
    added.listedFolder([...source.listing, 'file:///elsewhere/new-article.txt']);
    assert.equal(added.lists(), undefined, 'a new file');

    const [first] = source.listing;
    const changed = await shownFrom(folder, { ...source, fingerprint: p => (p === first ? 'edited while closed' : `text of ${p}`) });
    changed.resolved(new Set(source.listing.slice(1)));
    assert.ok(changed.lists(), 'the unchanged articles keep them');
    changed.resolved(new Set([first]));
    assert.equal(changed.lists(), undefined, 'the changed one drops them');

    fs.writeFileSync(path.join(dir, 'extension.js'), 'version two');
    try {
      assert.equal(await new SnapshotStore(folder, code).read(), undefined);
    } finally {
      fs.writeFileSync(path.join(dir, 'extension.js'), 'version one');
    }
  });

  test('a damaged file is as good as none, and is written again whole', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'c'));
    const source = sourceOf(api.view());
    await kept(folder, source);
    const file = path.join(folder.fsPath, 'lists.json');
    const whole = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, whole.slice(0, whole.length / 2));
    assert.equal(await new SnapshotStore(folder, code).read(), undefined);
    fs.rmSync(file);
    await kept(folder, source);
    assert.equal(fs.readFileSync(file, 'utf8'), whole);
    assert.deepEqual(fs.readdirSync(folder.fsPath), ['lists.json'], 'no temporary file left');
  });

  test('a folder read before the lists are: they are never shown', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'e'));
    const source = sourceOf(api.view());
    await kept(folder, source);
    let told = 0;
    const late = new LastSessionLists(new SnapshotStore(folder, code), TYPES, source, () => told++);
    late.drop(); // the scan of a small folder ended before the lists were read
    await new Promise(r => setTimeout(r, 300));
    assert.equal(late.lists(), undefined);
    assert.equal(told, 0);
  });

  test('lists are not kept while an article waits to be resolved', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'd'));
    const source = sourceOf(api.view(), () => undefined as unknown as string);
    const writer = new LastSessionLists(new SnapshotStore(folder, code), TYPES, source, () => undefined);
    writer.keep(true);
    await new Promise(r => setTimeout(r, 200));
    assert.ok(!fs.existsSync(path.join(folder.fsPath, 'lists.json')));
  });
});

suite('Source Annotator in VS Code: the lists the extension keeps', () => {
  test('once the folder is read, the extension keeps its People and Organisations & Places for the next session, with every article', async function () {
    this.timeout(30_000);
    const api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    await vscode.commands.executeCommand('sourceAnnotator.refresh'); // a whole scan: its end keeps the lists
    await api.ready();
    const view = api.view();
    const events = view.events.map(e => e.eventId); // grouped now, before the lists are kept: kept with them
    const articles = [...view.articles.keys()].sort();
    const listed = [...view.entities.values()].filter(e => ['PERSON', 'ORG', 'PLACE'].includes(e.type) && view.mentionCounts.get(e.id)?.size).map(e => e.id).sort();
    const same = (kept: Awaited<ReturnType<SourceAnnotatorApi['keptLists']>>) =>
      Boolean(kept) && JSON.stringify([...kept!.fingerprints.keys()].sort()) === JSON.stringify(articles) && JSON.stringify([...kept!.entities.keys()].sort()) === JSON.stringify(listed);
    let kept = await api.keptLists();
    for (let i = 0; i < 500 && !same(kept); i++) { await new Promise(r => setTimeout(r, 50)); kept = await api.keptLists(); }
    assert.ok(kept, 'kept in the workspace storage');
    assert.deepEqual([...kept.fingerprints.keys()].sort(), articles);
    assert.deepEqual([...kept.entities.keys()].sort(), listed);
    assert.ok([...kept.entities.values()].some(e => e.name === 'Donald Trump'));
    for (let i = 0; i < 500 && JSON.stringify(kept?.events?.map(e => e.eventId)) !== JSON.stringify(events); i++) { await new Promise(r => setTimeout(r, 50)); kept = await api.keptLists(); }
    assert.deepEqual(kept?.events?.map(e => e.eventId), events);
  });
});
