// Articles wrap at the window's edge; other files, and the user's settings, are left as they were.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, until, workspaceFile } from './helpers';

/** 150 paragraphs of one line each, each far wider than any window. */
const TEXT = Array.from({ length: 150 }, (_, i) => `Paragraph ${i + 1}. ${'The delegates met again in the afternoon and talked about the summit at length. '.repeat(8)}`).join('\n');

async function shown(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  return editor;
}

/** How many lines of the file the editor shows from the top: fewer when each wraps over several rows. */
const linesShown = (editor: vscode.TextEditor) => editor.visibleRanges.reduce((n, r) => n + r.end.line - r.start.line + 1, 0);

suite('Word wrap: articles wrap at the window edge, other files do not', () => {
  let api: SourceAnnotatorApi;
  const article = workspaceFile('wrap-test-article.txt');
  const other = workspaceFile('wrap-test-notes.log');

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    for (const uri of [article, other]) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [article, other]) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(api.sidecarUri(uri)).then(undefined, () => undefined);
    }
  });

  test('an article opens wrapped, a file that is no article does not, and no setting is written', async () => {
    const before = vscode.workspace.getConfiguration('editor').inspect('wordWrap');
    const plain = await shown(other);
    const unwrapped = await until('the other file drawn', () => linesShown(plain) > 1 && linesShown(plain));
    assert.equal(api.wordWrapped(other), false);

    const editor = await shown(article);
    await until('the article wrapped', () => api.wordWrapped(article));
    // the same text, wrapped: each line takes several rows, so fewer lines fit in the same window
    const wrapped = await until('the article redrawn wrapped', () => linesShown(editor) * 2 <= unwrapped && linesShown(editor));
    assert.ok(wrapped * 2 <= unwrapped, `lines shown: article ${wrapped}, other file ${unwrapped}`);

    const after = vscode.workspace.getConfiguration('editor').inspect('wordWrap');
    assert.deepEqual(after, before, 'a setting was written');
    // back to the other file: still as it was
    const again = await shown(other);
    assert.equal(await until('the other file drawn again', () => linesShown(again) > 1 && linesShown(again)), unwrapped);
  });
});
