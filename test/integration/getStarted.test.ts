// The Colour Legend, the Get Started walkthrough and its Open Sample Corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, EXTENSION_ID } from './helpers';

suite('Get Started: the colour legend, the walkthrough, the sample corpus', () => {
  let api: SourceAnnotatorApi;
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-sample-'));

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(outside, { recursive: true, force: true });
  });

  test('the Colour Legend names each kind of highlight, in words', async () => {
    await vscode.commands.executeCommand('sourceAnnotator.showLegend');
    const rows = await api.viewRows('legend');
    assert.deepEqual(rows.map(r => r.label), ['Person', 'Organisation', 'Place', 'Date or time', 'Quotation', 'Scare quote or title', 'Your annotation', 'Needs review']);
    assert.ok(rows.every(r => r.description && r.tooltip.startsWith(`${r.label}: `)));
    assert.ok(!rows.some(r => /sourceAnnotator\.|[A-Z]+Background/.test(`${r.description} ${r.tooltip}`)));
  });

  test('the walkthrough opens, and Open Sample Corpus copies the five reports with their annotations, keeping a copy already there', async () => {
    const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.walkthroughs as { id: string }[];
    assert.deepEqual(walkthroughs.map(w => w.id), ['getStarted']);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, false);

    const parent = vscode.Uri.file(outside);
    const folder = await vscode.commands.executeCommand<vscode.Uri>('sourceAnnotator.openSampleCorpus', parent, false);
    assert.equal(folder.fsPath, path.join(outside, 'source-annotator-sample'));
    const names = fs.readdirSync(folder.fsPath).sort();
    const shipped = fs.readdirSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'sample-corpus')).sort();
    assert.deepEqual(names, shipped);
    assert.equal(names.filter(n => n.endsWith('.txt')).length, 5, names.join(', '));
    assert.ok(names.some(n => n.endsWith('.txt.annotations.yaml')), names.join(', '));
    const sidecar = path.join(folder.fsPath, 'npr-kuow-second-trump-kim-summit-hanoi.txt.annotations.yaml');
    fs.appendFileSync(sidecar, '# the user was here\n');
    await vscode.commands.executeCommand('sourceAnnotator.openSampleCorpus', parent, false);
    assert.match(fs.readFileSync(sidecar, 'utf8'), /the user was here/, 'a copy already there is kept');
  });
});
