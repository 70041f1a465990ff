// A claim's verdict and who made it, shown in the hover and in the Annotations view, in words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, exists, until, workspaceFile } from './helpers';

const NAME = 'claim-verdict-article.txt';
const TEXT = 'Donald Trump spoke in Hanoi on Thursday.\n\nTrump said the talks had removed every nuclear test site in the North.\n';
const CLAIM = 'removed every nuclear test site in the North';

async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
}

suite('Claim verdicts: the verdict and the claimant shown', () => {
  let api: SourceAnnotatorApi;
  const article = workspaceFile(NAME);

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode(TEXT));
    await until('the new article read', () => api.view().articles.get(article.toString()));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [article, api.sidecarUri(article)]) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  });

  test('a rated claim: its verdict and who made it in the hover and the Annotations view; no id anywhere', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const start = TEXT.indexOf(CLAIM);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + CLAIM.length));
    const trump = await until('Trump found', () => [...api.view().entities.values()].find(e => e.name === 'Donald Trump'));
    const made = await api.annotateSelection({ kind: 'claim', rating: 'False', claimant: trump.id, note: 'Two sites remain.' });
    assert.ok(made);
    await until('the claim placed', () => api.view().articles.get(article.toString())?.annotations.some(p => p.annotation.id === made.id));

    const hover = await hoverText(article, editor.document.positionAt(start + 5));
    assert.match(hover, /\*\*Claim\*\* — your annotation/);
    assert.match(hover, /Claimed by Donald Trump\./);
    assert.match(hover, /Verdict: \*\*False\*\*/);
    assert.ok(!hover.includes(trump.id), hover);

    const rows = await api.viewRows('annotations');
    const row = rows.find(r => r.label === NAME)?.children.find(c => c.label.startsWith('Claim:'));
    assert.ok(row, JSON.stringify(rows.map(r => r.label)));
    assert.equal(row.description, 'False · by Donald Trump · Two sites remain.');
    assert.match(row.tooltip, /Verdict: False, claimed by Donald Trump/);
    assert.ok(!`${row.description} ${row.tooltip}`.includes(trump.id));
  });

  test('a claim without a verdict says so', async () => {
    const editor = vscode.window.activeTextEditor!;
    const start = TEXT.indexOf('spoke in Hanoi');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'spoke'.length));
    const made = await api.annotateSelection({ kind: 'claim', rating: '', claimant: '', note: '' });
    assert.ok(made);
    await until('the claim placed', () => api.view().articles.get(article.toString())?.annotations.some(p => p.annotation.id === made.id));
    const hover = await hoverText(article, editor.document.positionAt(start + 2));
    assert.match(hover, /No verdict yet/);
    assert.ok(!/Claimed by/.test(hover));
  });
});
