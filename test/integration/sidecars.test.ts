// The vscode-API suite for sidecars under stress: another program writing one while we save it, a file
// too large to read, permissions, read-only files and a killed save's lock. Runs after extension.test.ts (files run in name order), in the same extension host.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { sidecarFileNames } from '../../src/core/annotations/sidecarLock';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, exists, openArticle, positionOf, readText, until, workspaceFile } from './helpers';

suite('Source Annotator in VS Code: sidecars', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    api = await activeApi('vietnamese-press-trump-kim-optimism-hanoi.txt');
  });

  teardown(async () => {
    api.setSidecarWriteHook(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a sidecar written by another program while we save it keeps both annotations', async () => {
    const name = 'vietnamese-press-trump-kim-optimism-hanoi.txt';
    const editor = await openArticle(name);
    const sidecar = api.sidecarUri(editor.document.uri);
    const onDisk = async (): Promise<Sidecar> => (await exists(sidecar)) ? parseSidecar(await readText(sidecar), name).sidecar! : { version: 1, article: name, contentHash: '', annotations: [] };
    const before = (await onDisk()).annotations.map(a => a.id);
    const at = editor.document.getText().indexOf('Hanoi');
    const theirs: Annotation = {
      id: 'a-from-git-pull', kind: 'claim', note: 'pulled from a colleague', links: {}, author: 'colleague', created: '2026-01-02T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z',
      anchor: { text: 'Hanoi', prefix: '', suffix: '', start: at, end: at + 5 },
    };
    const attempts: number[] = [];
    // the file watcher's news of their write reaches the extension while our save is still running, so the
    // reload it prompts is asked for mid-save (it must wait for the save and never undo it)
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(sidecar, '..'), '*.annotations.yaml'));
    let seen = 0;
    const counting = [watcher, watcher.onDidChange(() => seen++), watcher.onDidCreate(() => seen++)];
    // runs after our save wrote its temporary file and before it checks the sidecar and renames: the race
    api.setSidecarWriteHook(async (uri, attempt) => {
      if (uri.toString() !== sidecar.toString()) return;
      attempts.push(attempt);
      if (attempt !== 1) return;
      const current = await onDisk();
      const before = seen;
      await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(serializeSidecar({ ...current, annotations: [...current.annotations, theirs] })));
      await until('the file watcher reporting their write', () => seen > before, 3000).catch(() => undefined);
    });
    const start = positionOf(editor.document, 'Trump');
    editor.selection = new vscode.Selection(start, start.translate(0, 'Trump'.length));
    const ours = await api.annotateSelection({ kind: 'note', note: 'ours, saved during the pull' });
    api.setSidecarWriteHook(undefined);
    for (const d of counting) d.dispose();
    assert.ok(ours);
    assert.deepEqual(attempts, [1, 2], 'the save saw the other write and saved again, merged');
    const saved = (await onDisk()).annotations.map(a => a.id);
    for (const id of [...before, theirs.id, ours.id]) assert.ok(saved.includes(id), `${id} is in the sidecar (${saved.join(', ')})`);
    await until('both annotations in the view', () => {
      const listed = api.view().articles.get(editor.document.uri.toString())?.annotations.map(p => p.annotation.id) ?? [];
      return listed.includes(theirs.id) && listed.includes(ours.id);
    });
    // and the reload asked for mid-save, once done, has not taken ours away
    await new Promise(resolve => setTimeout(resolve, 300));
    const listed = api.view().articles.get(editor.document.uri.toString())?.annotations.map(p => p.annotation.id) ?? [];
    assert.ok(listed.includes(ours.id) && listed.includes(theirs.id), `both still in the view (${listed.join(', ')})`);
  });

  test('an oversized sidecar is reported and never overwritten', async () => {
    const name = 'npr-kuow-second-trump-kim-summit-hanoi.txt';
    const article = workspaceFile(name);
    const sidecar = api.sidecarUri(article);
    const original = (await exists(sidecar)) ? await vscode.workspace.fs.readFile(sidecar) : undefined;
    const big = new TextEncoder().encode(`version: 1\nannotations: []\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    await vscode.workspace.fs.writeFile(sidecar, big);
    try {
      await until('the size reported on the sidecar', () => vscode.languages.getDiagnostics(sidecar).some(d => /larger than 5 MB/.test(d.message)));
      assert.ok(vscode.languages.getDiagnostics(article).some(d => /cannot be read/.test(d.message)), 'and a warning on its article');
      const editor = await openArticle(name);
      const start = positionOf(editor.document, 'Kim');
      editor.selection = new vscode.Selection(start, start.translate(0, 3));
      await assert.rejects(api.annotateSelection({ kind: 'note', note: 'must not be written' }), /larger than 5 MB/);
      const after = await vscode.workspace.fs.readFile(sidecar);
      assert.ok(after.length === big.length && after.every((b, i) => b === big[i]), 'the file is as it was');
    } finally {
      if (original) await vscode.workspace.fs.writeFile(sidecar, original);
      else await vscode.workspace.fs.delete(sidecar);
    }
  });

  test('a save keeps the sidecar’s permissions, takes over the lock of a killed save, and refuses a read-only sidecar in words', async function () {
    if (process.platform === 'win32') this.skip();
    const name = 'the-diplomat-trump-kim-second-summit-hanoi.txt';
    const editor = await openArticle(name);
    const sidecar = api.sidecarUri(editor.document.uri);
    const original = (await exists(sidecar)) ? await vscode.workspace.fs.readFile(sidecar) : undefined;
    const annotate = async (note: string) => {
      const start = positionOf(editor.document, 'Kim');
      editor.selection = new vscode.Selection(start, start.translate(0, 3));
      return api.annotateSelection({ kind: 'note', note });
    };
    try {
      assert.ok(await annotate('makes the sidecar'));
      fs.chmodSync(sidecar.fsPath, 0o600);
      const lock = path.join(path.dirname(sidecar.fsPath), sidecarFileNames(path.basename(sidecar.fsPath), 0).lock);
      const killed = spawnSync('true').pid; // a process that no longer runs
      fs.writeFileSync(lock, JSON.stringify({ pid: killed, host: os.hostname(), since: new Date().toISOString(), token: 'killed' }));
      const second = await annotate('saved although a killed save left its lock');
      assert.ok(second);
      assert.equal(fs.statSync(sidecar.fsPath).mode & 0o777, 0o600, '0600 stays 0600');
      assert.ok(!fs.existsSync(lock), 'the lock is gone');
      assert.ok(parseSidecar(await readText(sidecar), name).sidecar!.annotations.some(a => a.id === second.id));

      fs.chmodSync(sidecar.fsPath, 0o444);
      const before = fs.readFileSync(sidecar.fsPath);
      await assert.rejects(annotate('must not be written'), /cannot write the annotations of the-diplomat-trump-kim-second-summit-hanoi\.txt: .* is read-only; nothing was written/);
      assert.ok(fs.readFileSync(sidecar.fsPath).equals(before), 'the read-only sidecar is as it was');
    } finally {
      fs.chmodSync(sidecar.fsPath, 0o644);
      if (original) await vscode.workspace.fs.writeFile(sidecar, original);
      else await vscode.workspace.fs.delete(sidecar);
    }
  });

  test('a hand-edited sidecar keeps its comment, unknown key and wrong-typed field through a save, and they are still reported', async () => {
    const name = 'npr-kuow-second-trump-kim-summit-hanoi.txt';
    const editor = await openArticle(name);
    const sidecar = api.sidecarUri(editor.document.uri);
    const original = (await exists(sidecar)) ? await vscode.workspace.fs.readFile(sidecar) : undefined;
    const at = editor.document.getText().indexOf('Kim');
    const hand = [
      '# checked by Ana on Monday',
      'version: 1',
      `article: ${name}`,
      'contentHash: ""',
      'annotations:',
      '  - id: a-by-hand',
      '    kind: note',
      '    note: {reviewed: yes}   # a mapping, not text',
      '    reviewer: Ana',
      '    author: ana',
      '    created: 2026-11-30T09:00:00.000Z',
      '    updated: 2026-11-30T09:00:00.000Z',
      '    anchor:',
      '      text: Kim',
      '      prefix: ""',
      '      suffix: ""',
      `      start: ${at}`,
      `      end: ${at + 3}`,
      '',
    ].join('\n');
    try {
      await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(hand));
      const warned = () => vscode.languages.getDiagnostics(sidecar).map(d => d.message).join('\n');
      await until('the hand edits reported', () => /`note` should be text/.test(warned()) && /Unknown key `reviewer`/.test(warned()));
      const start = positionOf(editor.document, 'Hanoi');
      editor.selection = new vscode.Selection(start, start.translate(0, 5));
      const added = await api.annotateSelection({ kind: 'note', note: 'added by the extension' });
      assert.ok(added);
      const written = await readText(sidecar);
      for (const line of hand.split('\n').filter(l => l && !l.startsWith('contentHash'))) assert.ok(written.includes(line), `kept: ${line}`);
      assert.ok(parseSidecar(written, name).sidecar!.annotations.some(a => a.id === added.id));
      await new Promise(r => setTimeout(r, 1500)); // the file watcher's news of our own write comes and goes
      assert.match(warned(), /`note` should be text/, 'still reported after the save');
      assert.match(warned(), /Unknown key `reviewer`/);
    } finally {
      if (original) await vscode.workspace.fs.writeFile(sidecar, original);
      else await vscode.workspace.fs.delete(sidecar);
    }
  });
});
