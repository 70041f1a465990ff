// The vscode-API suite for the sidecar listing a scan reads with (src/vscode/sidecarListing.ts): a folder's
// sidecars are listed once instead of a failed read per article without one, and nothing written meanwhile is
// missed. Files are named so that the extension under test does not take them for articles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { serializeSidecar } from '../../src/core/annotations/codec';
import type { Annotation } from '../../src/core/annotations/model';
import { SidecarStore } from '../../src/vscode/sidecarStore';
import { until, workspaceFile } from './helpers';

const note = (id: string, text: string): Annotation => ({
  id, kind: 'note', note: `about ${text}`, links: {}, author: 'test', created: '2026-01-02T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z',
  anchor: { text, prefix: '', suffix: '', start: 0, end: text.length },
});

suite('Source Annotator in VS Code: the sidecar listing of a scan', () => {
  let folder: vscode.Uri;
  let store: SidecarStore;
  let diagnostics: vscode.DiagnosticCollection;
  const article = (name: string) => vscode.Uri.joinPath(folder, name);
  const writeSidecar = (name: string, annotation: Annotation) =>
    fs.writeFileSync(store.sidecarUri(article(name)).fsPath, serializeSidecar({ version: 1, article: name, contentHash: '', annotations: [annotation] }));
  const ids = async (name: string) => (await store.read(article(name))).sidecar?.annotations.map(a => a.id) ?? [];

  setup(() => {
    folder = workspaceFile(`listing-${Date.now()}`);
    fs.mkdirSync(folder.fsPath);
    for (const name of ['alone.note', 'listed.note', 'later.note', 'saved.note', 'after.note']) fs.writeFileSync(article(name).fsPath, 'Kim Jong Un met Donald Trump in Hanoi.');
    diagnostics = vscode.languages.createDiagnosticCollection('sidecar-listing-test');
    store = new SidecarStore(diagnostics, () => 1 << 20);
  });

  teardown(() => {
    store.dispose();
    diagnostics.dispose();
    fs.rmSync(folder.fsPath, { recursive: true, force: true });
  });

  test('a sidecar listed is read, an article without one reads none, and one written meanwhile is read once the watcher tells of it', async () => {
    writeSidecar('listed.note', note('n-listed', 'Kim'));
    const listing = store.listSidecars();
    try {
      assert.deepEqual(await ids('listed.note'), ['n-listed']);
      assert.deepEqual(await ids('alone.note'), []);
      assert.deepEqual(await ids('later.note'), []); // the folder is listed now: this one is not in it
      // another program (a git pull) writes a sidecar after the folder was listed
      writeSidecar('later.note', note('n-later', 'Hanoi'));
      assert.deepEqual(await until('the sidecar written after the listing, read', async () => (await ids('later.note')).length && ids('later.note'), 10000), ['n-later']);
      // our own save during the scan is read back at once
      await store.update(article('saved.note'), 'Kim Jong Un met Donald Trump in Hanoi.', list => [...list, note('n-saved', 'Trump')]);
      assert.deepEqual(await ids('saved.note'), ['n-saved']);
    } finally {
      listing.dispose();
    }
    // the scan is over: every read goes to the disk again, watcher or not
    writeSidecar('after.note', note('n-after', 'Donald'));
    assert.deepEqual(await ids('after.note'), ['n-after']);
  });
});
