// The persistent index: analyses kept in workspace storage between sessions, so that a restart or a rescan
// analyses only what changed. Runs first (files run in name order), in the extension host with the sample corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyseArticle } from '../../src/core/analysis';
import { plainAnalysis } from '../../src/core/corpus/analysisCodec';
import { contentHash } from '../../src/core/text/hash';
import type { SourceAnnotatorApi } from '../../src/extension';
import { AnalysisStore } from '../../src/vscode/analysisStore';
import { activeApi } from './helpers';

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

suite('Source Annotator in VS Code: the persistent index', () => {
  let api: SourceAnnotatorApi;
  let dir: string;
  let code: vscode.Uri;

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-index-'));
    fs.writeFileSync(path.join(dir, 'worker.js'), 'version one');
    code = vscode.Uri.file(path.join(dir, 'worker.js'));
  });

  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('activate() reports how long it took (printed: the figure for the Performance section)', () => {
    const ms = api.activationMs();
    assert.ok(Number.isFinite(ms) && ms > 0, String(ms));
    console.log(`[source-annotator tests] activate() took ${ms.toFixed(1)} ms`);
  });

  test('Re-analyse Articles finds every article in the index: nothing is analysed again', async () => {
    api.view(); // every analysis handed over so far is taken in: the rescan cannot find any still waiting
    const workerBefore = api.workerAnalyses();
    const hitsBefore = api.indexHits();
    await vscode.commands.executeCommand('sourceAnnotator.refresh');
    await api.ready();
    assert.ok(api.indexHits() - hitsBefore >= 5, `${api.indexHits() - hitsBefore} analyses found in the index`);
    assert.equal(api.workerAnalyses(), workerBefore, 'the worker analysed nothing again');
    const people = [...api.view().entities.values()].filter(e => e.type === 'PERSON').map(e => e.name);
    assert.ok(people.includes('Kim Jong Un') && people.includes('Donald Trump'), people.join(', '));
  });

  test('what one session writes, the next reads; another version of the analysing code reads nothing', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'index-a'));
    const text = 'Donald Trump met Kim Jong Un in Hanoi on Wednesday. "We will see," Trump said.';
    const analysis = analyseArticle(text);
    const first = new AnalysisStore(folder, code);
    assert.equal(await first.get(text, 's'), undefined);
    first.put(text, 's', analysis);
    await first.flush();
    assert.deepEqual(plainAnalysis((await first.get(text, 's'))!), plain(analysis), 'written, it is read back from its file by the same session');
    const second = new AnalysisStore(folder, code);
    assert.deepEqual(plainAnalysis((await second.get(text, 's'))!), plain(analysis));
    assert.equal(second.hits, 1);
    assert.equal(await second.get(text, 'other settings'), undefined);
    assert.equal(await second.get(text + ' More.', 's'), undefined, 'another text');
    fs.writeFileSync(path.join(dir, 'worker.js'), 'version two');
    const upgraded = new AnalysisStore(folder, code);
    assert.equal(await upgraded.get(text, 's'), undefined, 'a result of other code is never read');
    fs.writeFileSync(path.join(dir, 'worker.js'), 'version one');
  });

  test('a damaged index file is ignored and written again; entries no article used are pruned', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'index-b'));
    const texts = ['Ana Ruiz spoke in Lima on Monday.', 'Tomas Berg left Oslo.', 'Mei Chen met Ravi Patel.'];
    const store = new AnalysisStore(folder, code);
    for (const t of texts) store.put(t, 's', analyseArticle(t));
    await store.flush();
    const files = fs.readdirSync(folder.fsPath).filter(f => f.endsWith('.tsv'));
    assert.ok(files.length >= 1);
    for (const f of files) fs.appendFileSync(path.join(folder.fsPath, f), '\nnot an entry\ngarbage\tline{');
    const reread = new AnalysisStore(folder, code);
    for (const t of texts) assert.ok(await reread.get(t, 's'), t);
    // a new session that uses only the first article: after its scan the others are dropped
    const next = new AnalysisStore(folder, code);
    assert.ok(await next.get(texts[0], 's'));
    await next.prune();
    // its files are let go after the scan: an analysis put later is written beside what they hold
    const later = 'Olga Berg met Ana Ruiz in Lima.';
    next.put(later, 's', analyseArticle(later));
    await next.flush();
    const after = new AnalysisStore(folder, code);
    assert.ok(await after.get(texts[0], 's'));
    assert.ok(await after.get(later, 's'), 'the later analysis');
    assert.equal(await after.get(texts[1], 's'), undefined);
    for (const f of fs.readdirSync(folder.fsPath).filter(x => x.endsWith('.tsv'))) assert.doesNotMatch(fs.readFileSync(path.join(folder.fsPath, f), 'utf8'), /garbage|not an entry/);
  });

  test('new entries are appended to their file; a line cut short by a crash is dropped and its file written again', async () => {
    const folder = vscode.Uri.file(path.join(dir, 'index-c'));
    // two texts of the same file of the index (the file is chosen by the last two hex digits of the hash)
    const texts: string[] = [];
    const shard = (t: string) => parseInt(contentHash(t).slice(-2), 16) % 64;
    for (let i = 0; texts.length < 2; i++) {
      const t = `Ana Ruiz spoke in Lima on Monday, said report number ${i}.`;
      if (!texts.length || shard(t) === shard(texts[0])) texts.push(t);
    }
    const first = new AnalysisStore(folder, code);
    first.put(texts[0], 's', analyseArticle(texts[0]));
    await first.flush();
    const file = path.join(folder.fsPath, fs.readdirSync(folder.fsPath).find(f => f.endsWith('.tsv'))!);
    const written = fs.readFileSync(file, 'utf8');
    const second = new AnalysisStore(folder, code);
    second.put(texts[1], 's', analyseArticle(texts[1]));
    await second.flush();
    const appended = fs.readFileSync(file, 'utf8');
    assert.ok(appended.startsWith(written) && appended.length > written.length, 'the second entry follows the first');
    fs.writeFileSync(file, appended.slice(0, -20)); // the second line cut short
    const third = new AnalysisStore(folder, code);
    assert.deepEqual(plainAnalysis((await third.get(texts[0], 's'))!), plain(analyseArticle(texts[0])));
    assert.equal(await third.get(texts[1], 's'), undefined, 'the damaged entry is not read');
    await third.flush();
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 1, 'the file is written again without it');
  });
});
