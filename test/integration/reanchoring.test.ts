// The vscode-API suite for annotations under edits: moved live with typing, orphaned by a deletion and back
// on undo, saved with the article, and what the user does with those needing review or orphaned.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/codec';
import type { Annotation } from '../../src/core/annotations/model';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, exists, readText, until, workspaceFile } from './helpers';

const NAME = 'reanchoring-test-article.txt';
const TEXT = [
  'City council meets after the storm',
  '',
  'The council met on Tuesday to discuss the damage. Mayor Ana Ruiz said the bridge would reopen in May.',
  'Residents were not convinced. "We have heard this before," said Tom Berg, who runs the bakery.',
  '',
].join('\n');

suite('Source Annotator in VS Code: annotations under edits', () => {
  let api: SourceAnnotatorApi;
  const article = workspaceFile(NAME);
  const key = article.toString();

  const placed = (id: string) => api.view().articles.get(key)?.annotations.find(p => p.annotation.id === id);
  const onDisk = async (id: string): Promise<Annotation | undefined> => {
    const sidecar = api.sidecarUri(article);
    return (await exists(sidecar)) ? parseSidecar(await readText(sidecar), NAME).sidecar?.annotations.find(a => a.id === id) : undefined;
  };

  async function select(editor: vscode.TextEditor, needle: string): Promise<void> {
    const start = editor.document.getText().indexOf(needle);
    assert.ok(start >= 0, `“${needle}” is in the article`);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + needle.length));
  }

  /** Waits until the corpus has the editor's text and the annotation is `status` on `text`. */
  async function placedOn(editor: vscode.TextEditor, id: string, status: string, text?: string): Promise<void> {
    await until(`${id} ${status}${text ? ` on “${text}”` : ''}`, () => {
      const a = api.view().articles.get(key);
      const p = placed(id);
      return a?.text === editor.document.getText() && p?.status === status && (text === undefined || (p.span && a.text.slice(p.span.start, p.span.end) === text));
    });
  }

  suiteSetup(async () => {
    // the test saves the article itself: code-server's auto save (after a delay) would save it first on a busy machine
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode(TEXT));
    api = await activeApi(NAME);
    await until('the new article in the corpus', () => api.view().articles.has(key));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [article, api.sidecarUri(article)]) if (await exists(uri)) await vscode.workspace.fs.delete(uri);
  });

  test('an annotation moves with typing, is orphaned when its words are deleted, is back on undo, and is saved with the article', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await select(editor, 'Ana Ruiz');
    const note = (await api.annotateSelection({ kind: 'note', note: 'the mayor' }))!;
    assert.ok(note);

    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'UPDATED: '));
    await placedOn(editor, note.id, 'moved', 'Ana Ruiz');
    const moved = editor.document.getText().indexOf('Ana Ruiz');
    assert.deepEqual(placed(note.id)!.span, { start: moved, end: moved + 8 });
    await until('the outline on the moved words', () => api.decorationRanges(article).some(r => r.style === 'user' && r.start === moved && r.end === moved + 8));
    assert.equal((await onDisk(note.id))!.anchor.start, TEXT.indexOf('Ana Ruiz'), 'not saved before the article is');

    assert.ok(await editor.document.save());
    await until('the moved anchor in the sidecar', async () => (await onDisk(note.id))?.anchor.start === moved);
    await placedOn(editor, note.id, 'anchored', 'Ana Ruiz'); // where its sidecar now says
    const saved = (await onDisk(note.id))!;
    assert.equal(saved.anchor.text, 'Ana Ruiz');
    assert.ok(saved.anchor.prefix.endsWith('damage. Mayor '), saved.anchor.prefix);

    const words = editor.document.getText().indexOf('Mayor Ana Ruiz');
    await editor.edit(b => b.delete(new vscode.Range(editor.document.positionAt(words), editor.document.positionAt(words + 'Mayor Ana Ruiz '.length))));
    await placedOn(editor, note.id, 'orphaned');
    assert.equal(placed(note.id)!.span, undefined, 'no zero-length ghost');
    await vscode.commands.executeCommand('undo');
    await placedOn(editor, note.id, 'anchored', 'Ana Ruiz');
    if (editor.document.isDirty) assert.ok(await editor.document.save()); // undo may well have brought back the saved text
  });

  test('an annotation whose words changed on disk needs review; Accept anchors it on the new words', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await select(editor, 'the bridge would reopen in May');
    const claim = (await api.annotateSelection({ kind: 'claim', note: 'check the date' }))!;
    const changed = editor.document.getText().replace('reopen in May', 'reopen in late June');
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode(changed)); // another program (git pull)
    await until('the editor reloaded from disk', () => editor.document.getText() === changed);
    await placedOn(editor, claim.id, 'needs-review');
    const candidate = placed(claim.id)!.span!;
    assert.ok(changed.slice(candidate.start, candidate.end).startsWith('the bridge would reopen in'));
    await until('the candidate outlined for review', () => api.decorationRanges(article).some(r => r.style === 'review' && r.start === candidate.start));

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, editor.document.positionAt(candidate.start + 2));
    const hover = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(hover, /Needs review/);
    assert.match(hover, /it was “the bridge would reopen in May”/);
    assert.match(hover, /\[Accept this place\]\(command:sourceAnnotator\.acceptAnchor/);

    await api.acceptAnchor({ article: key, id: claim.id });
    await placedOn(editor, claim.id, 'anchored');
    const saved = (await onDisk(claim.id))!;
    assert.equal(saved.anchor.start, candidate.start);
    assert.equal(saved.anchor.text, changed.slice(candidate.start, candidate.end));
    assert.equal(saved.note, 'check the date', 'the rest of the annotation is kept');
  });

  test('an orphan stays until the user re-attaches it to a selection', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await select(editor, 'Tom Berg');
    const person = (await api.annotateSelection({ kind: 'person', label: 'Tom Berg', link: 'person:tom-berg', note: '' }))!;
    await select(editor, 'Tom Berg, who runs the bakery');
    await editor.edit(b => b.replace(editor.selection, 'a baker'));
    assert.ok(await editor.document.save());
    await placedOn(editor, person.id, 'orphaned');
    assert.equal((await onDisk(person.id))!.anchor.text, 'Tom Berg', 'the sidecar keeps the orphan as it was');

    await select(editor, 'a baker');
    await api.reattachAnnotation({ article: key, id: person.id });
    await placedOn(editor, person.id, 'anchored', 'a baker');
    const saved = (await onDisk(person.id))!;
    assert.equal(saved.anchor.text, 'a baker');
    assert.equal(saved.label, 'Tom Berg');
  });
});
