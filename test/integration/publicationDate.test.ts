// The vscode-API suite for the publication date: Set Publication Date… writes the sidecar's `published`, and
// the article's dates, their hovers and the status bar follow; the file's date is a guess until then.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/codec';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, exists, openArticle, positionOf, readText, until } from './helpers';

const NAME = 'npr-kuow-second-trump-kim-summit-hanoi.txt';

suite('Source Annotator in VS Code: publication date', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    api = await activeApi(NAME);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Set Publication Date writes the sidecar, and the dates, the hover and the status bar follow', async () => {
    const editor = await openArticle(NAME);
    const uri = editor.document.uri;
    const sidecar = api.sidecarUri(uri);
    const before = (await exists(sidecar)) ? await readText(sidecar) : undefined;
    const annotationsBefore = before === undefined ? [] : parseSidecar(before, NAME).sidecar!.annotations.map(a => a.id);
    const at = editor.document.getText().indexOf('Wednesday');
    const wednesday = () => api.view().articles.get(uri.toString())?.mentions.find(m => m.type === 'DATE' && m.start === at);
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'Wednesday').translate(0, 2));
      return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1'); // Markdown's escapes
    };
    try {
      // the NPR report states no date (the sample corpus's sidecar gives the one its page shows): without it, the file's day, marked as a guess
      await api.setPublicationDate(uri, '');
      await until('the file’s date as a guess', () => api.view().articles.get(uri.toString())?.analysis.published?.source === 'file');
      assert.match(await hoverText(), /a guess/);
      assert.match((await until('the status bar', () => api.status()))!.text, /\(guess\)$/);

      assert.equal(await api.setPublicationDate(uri, '2019-02-27'), '2019-02-27');
      assert.equal(parseSidecar(await readText(sidecar), NAME).sidecar?.published, '2019-02-27');
      await until('Wednesday dated from the user’s date', () => wednesday()?.value === '2019-02-27');
      assert.equal(wednesday()!.entityId, 'date:2019-02-27');
      const hover = await hoverText();
      assert.match(hover, /Wednesday → 2019-02-27, the publication date, Wednesday 27 February 2019 \(set by you\), itself/);
      assert.doesNotMatch(hover.replace(/\(command:[^)]*\)/g, ''), /date:\d|a guess/, 'words, not ids; no longer a guess');
      await until('the status bar with the user’s date', () => api.status()?.text.endsWith('$(calendar) 2019-02-27'));

      // another date: the Wednesday of that week
      await api.setPublicationDate(uri, '2019-03-08');
      await until('Wednesday moved with the publication date', () => wednesday()?.value === '2019-03-06');
      assert.deepEqual(parseSidecar(await readText(sidecar), NAME).sidecar!.annotations.map(a => a.id), annotationsBefore, 'the annotations are untouched');

      // cleared: the file's date, a guess, again
      assert.equal(await api.setPublicationDate(uri, ''), '');
      assert.equal(parseSidecar(await readText(sidecar), NAME).sidecar?.published, undefined);
      await until('the guess back', () => api.view().articles.get(uri.toString())?.analysis.published?.source === 'file');
      assert.equal(await api.setPublicationDate(uri, '2019-02-30'), undefined, 'no such day: nothing written');
    } finally {
      if (before === undefined) await vscode.workspace.fs.delete(sidecar).then(undefined, () => undefined);
      else await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(before));
    }
  });
});
