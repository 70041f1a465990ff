// Outline, breadcrumbs and Go to Symbol in Workspace for articles, through the editor's own commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi } from './helpers';

suite('Symbols: Outline and Go to Symbol in Workspace', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    await api.ready();
  });

  test('the Outline of an article lists its people, places, quotations and events by name, each at its place', async () => {
    const editor = vscode.window.activeTextEditor!;
    const uri = editor.document.uri;
    // the editor asks again as the corpus settles: so does the test, for a few seconds at most
    let symbols: vscode.DocumentSymbol[] = [];
    for (let tries = 0; tries < 20 && !symbols?.length; tries++) {
      if (tries) await new Promise(r => setTimeout(r, 500));
      symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    }
    assert.ok(symbols?.length, 'no symbols for the article');
    const heading = (name: string) => symbols.find(s => s.name === name);
    const people = heading('People');
    assert.ok(people, `headings: ${symbols.map(s => s.name).join(', ')}`);
    const kim = people.children.find(c => c.name === 'Kim Jong Un');
    assert.ok(kim, `people: ${people.children.map(c => c.name).join(', ')}`);
    assert.match(kim.detail, /^Person · \d+ mentions?$/);
    const text = editor.document.getText(kim.selectionRange);
    assert.ok(/Kim/.test(text), `Kim Jong Un's item selects “${text}”`);
    assert.ok(heading('Places')?.children.some(c => c.name === 'Hanoi'));
    const quotations = heading('Quotations');
    assert.ok(quotations?.children.length, 'no quotations');
    assert.ok(quotations.children.every(q => q.name.startsWith('“') && /^(said by |speaker not found)/.test(q.detail)));
    // words, never ids, anywhere in the outline
    const all = (s: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => s.flatMap(x => [x, ...all(x.children)]);
    for (const s of all(symbols)) assert.ok(!/\b(?:person|org|place|date):[a-z0-9-]/.test(`${s.name} ${s.detail}`), `an id in “${s.name} ${s.detail}”`);
  });

  test('Go to Symbol in Workspace finds a person by name, with mention count, at a mention', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'kim jong');
    const kim = found?.find(s => s.name === 'Kim Jong Un');
    assert.ok(kim, `found: ${found?.map(s => s.name).join(', ')}`);
    assert.match(kim.containerName, /^Person · \d+ mentions in 5 articles$/);
    const document = await vscode.workspace.openTextDocument(kim.location.uri);
    assert.match(document.getText(kim.location.range), /Kim/);
    const none = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'zzqqxx');
    assert.equal(none.filter(s => s.containerName.startsWith('Person')).length, 0);
  });
});
