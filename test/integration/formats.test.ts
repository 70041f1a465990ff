// The vscode-API suite for the standard formats: Import Annotations… of a W3C Web Annotation file (as Hypothesis
// writes it, about an article it knows by its web address) and of a folder of brat files, saved in the
// article's sidecar and shown at their places; Export Annotations… in the formats asked for.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/codec';
import type { SourceAnnotatorApi } from '../../src/extension';
import type { ImportSummary } from '../../src/vscode/commands/import';
import { activeApi, exists, readText, until, workspaceFile } from './helpers';

const NAME = 'import-test-article.txt';
const TEXT = 'Hanoi, Vietnam — The mayor said the new bridge would open in May. Critics said the bridge 🌉 had cost twice its budget.\n';

suite('Source Annotator in VS Code: Import Annotations', () => {
  let api: SourceAnnotatorApi;
  const article = workspaceFile(NAME);
  const control = workspaceFile('written-after-the-formats-export.txt');
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-import-'));

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode(TEXT));
    await until('the new article read', () => api.view().articles.get(article.toString()));
  });

  suiteTeardown(async () => {
    for (const uri of [article, api.sidecarUri(article), control, workspaceFile('formats-export-test')]) {
      if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true });
    }
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const onDisk = async () => parseSidecar(await readText(api.sidecarUri(article)), NAME).sidecar!.annotations;
  const shown = (id: string) => api.view().articles.get(article.toString())?.annotations.find(p => p.annotation.id === id);

  test('Import Annotations… of a W3C file made in Hypothesis places the annotation in the article that holds its words', async () => {
    const exact = 'had cost twice its budget';
    const file = path.join(outside, 'hypothesis.json');
    fs.writeFileSync(file, JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [{
        '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://hypothes.is/a/abc123', type: 'Annotation', motivation: 'commenting',
        creator: { type: 'Person', nickname: 'factchecker' }, created: '2024-05-02T09:00:00Z',
        body: [{ type: 'TextualBody', value: 'Budget documents say 1.4 times.', format: 'text/markdown' }, { type: 'TextualBody', purpose: 'tagging', value: 'claim' }],
        target: { source: 'https://news.example/2024/05/bridge', selector: [{ type: 'TextQuoteSelector', exact, prefix: 'Critics said the bridge 🌉 ', suffix: '.\n' }] },
      }] },
    }));
    const summary = await vscode.commands.executeCommand<ImportSummary>('sourceAnnotator.importAnnotations', 'w3c', vscode.Uri.file(file));
    assert.deepEqual([summary.added, summary.needsReview, summary.notPlaced.length], [1, 0, 0]);
    const [saved] = await onDisk();
    assert.deepEqual([saved.kind, saved.note, saved.author, saved.anchor.text], ['claim', 'Budget documents say 1.4 times.', 'factchecker', exact]);
    const placed = await until('the imported claim shown', () => shown(saved.id));
    assert.equal(placed.status, 'anchored');
    assert.equal(TEXT.slice(placed.span!.start, placed.span!.end), exact);
    const again = await vscode.commands.executeCommand<ImportSummary>('sourceAnnotator.importAnnotations', 'w3c', vscode.Uri.file(file));
    assert.deepEqual([again.added, again.alreadyThere], [0, 1], 'imported twice, nothing doubles');
  });

  test('Import Annotations… of a folder of brat files: offsets in code points, a verdict, a note', async () => {
    const folder = path.join(outside, 'brat');
    fs.mkdirSync(folder);
    const start = [...TEXT.slice(0, TEXT.indexOf('the new bridge would open in May'))].length;
    const end = start + 'the new bridge would open in May'.length;
    const after = [...TEXT.slice(0, TEXT.indexOf('twice'))].length;
    fs.writeFileSync(path.join(folder, 'import-test-article.ann'), `T1\tClaim ${start} ${end}\tthe new bridge would open in May\nA1\tRating T1 Mostly_true\n#1\tAnnotatorNotes T1\tThe contract says June.\nT2\tPerson ${after} ${after + 5}\ttwice\n`);
    fs.writeFileSync(path.join(folder, 'import-test-article.txt'), TEXT);
    const summary = await vscode.commands.executeCommand<ImportSummary>('sourceAnnotator.importAnnotations', 'brat', vscode.Uri.file(folder));
    assert.equal(summary.added, 2);
    const claim = (await onDisk()).find(a => a.kind === 'claim' && a.rating)!;
    assert.deepEqual([claim.anchor.text, claim.rating, claim.note], ['the new bridge would open in May', 'Mostly true', 'The contract says June.']);
    const person = await until('the person from brat shown', () => api.view().articles.get(article.toString())?.mentions.find(m => m.text === 'twice' && m.type === 'PERSON'));
    assert.equal(person.start, TEXT.indexOf('twice'), 'after the emoji, UTF-16 offsets are one more than brat’s');
  });

  test('Export Annotations… writes the formats asked for: W3C Web Annotation and a brat folder', async () => {
    const folder = workspaceFile('formats-export-test');
    await vscode.workspace.fs.createDirectory(folder);
    const written = await api.exportTo(folder, ['w3c', 'brat']);
    assert.deepEqual(written?.map(uri => uri.path.split('/').pop()), ['source-annotations-w3c.jsonld', 'source-annotations-brat']);
    const w3c = JSON.parse(await readText(written![0]));
    assert.ok(w3c.first.items.some((a: { target: { source: string } }) => a.target.source === NAME));
    assert.match(await readText(vscode.Uri.joinPath(written![1], 'import-test-article.ann')), /^T\d+\tClaim \d+ \d+\tthe new bridge would open in May$/m);
    // the file watcher reports an article written after the export only once it has reported the export too
    await vscode.workspace.fs.writeFile(control, new TextEncoder().encode('Donald Trump flew to Hanoi.\n'));
    await until('the article written after the export', () => api.view().articles.get(control.toString()));
    assert.ok(![...api.view().articles.keys()].some(key => key.includes('source-annotations-brat')), 'the brat copies of the articles are not read as articles');
  });
});
