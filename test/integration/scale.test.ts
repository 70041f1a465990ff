// The vscode-API suite for a newsroom's archive: the limit on articles read, what the views show while the
// folder is read, and exports that never become articles. Every file it writes and its setting are removed
// at the end, so that the suites after it (files run in name order) find the sample corpus as it was.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';
import type { CorpusChange } from '../../src/vscode/corpusChanges';
import { activeApi, openArticle, positionOf, until } from './helpers';

const XINHUA = 'xinhua-kim-trump-meet-hanoi.txt';
const HELD = 'scan-held.txt';

suite('Source Annotator in VS Code: a large folder', () => {
  let api: SourceAnnotatorApi;
  let sample: string[] = [];
  const created: vscode.Uri[] = [];
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const articles = () => [...api.view().articles.keys()].sort();

  async function write(name: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(root(), name);
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  }

  async function removeCreated(): Promise<void> {
    for (const uri of created.splice(0).reverse()) {
      await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(api.sidecarUri(uri)).then(undefined, () => undefined);
    }
    await until('the sample corpus alone again', () => articles().join() === sample.join() && articles(), 30000)
      .catch((e: Error) => { throw new Error(`${e.message}; the corpus holds ${articles().map(p => p.slice(p.lastIndexOf('/') + 1)).join(', ')}`); });
  }

  suiteSetup(async () => {
    api = await activeApi(XINHUA);
    // the suite before may have deleted its article without waiting for the corpus to let it go
    sample = await until('the five sample articles', () => articles().length === 5 && articles(), 30000);
  });

  teardown(async () => {
    api.setSidecarWriteHook(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('sourceAnnotator').update('maxArticles', undefined, vscode.ConfigurationTarget.Global);
    await removeCreated();
  });

  test('an edit announces the article it changed and the people it touched, not the rest of the corpus', async () => {
    const uri = await write('change-events.txt', 'Amara Nwosu spoke in Lagos on March 3, 2019.\n\nThe weather was fine.\n');
    const key = uri.toString();
    await until('the new article read', () => api.view().articles.has(key));
    const editor = await vscode.window.showTextDocument(uri);
    await until('the opened article settled', () => api.decorationRanges(uri).length > 0);
    await new Promise(r => setTimeout(r, 500));
    const seen: CorpusChange[] = [];
    const listening = api.onDidChange(change => seen.push(change));
    try {
      await editor.edit(b => b.insert(editor.document.positionAt(editor.document.getText().length), 'Amara Nwosu smiled.\n'));
      await until('the edit resolved', () => api.view().articles.get(key)?.text.includes('Nwosu smiled.'));
      await until('the edit announced', () => seen.some(c => c.articles.has(key)));
      const articlesTold = new Set(seen.flatMap(c => [...c.articles]));
      assert.deepEqual([...articlesTold], [key], 'only the edited article');
      assert.ok(seen.every(c => !c.all));
      const nwosu = api.view().articles.get(key)!.mentions.find(m => m.text === 'Amara Nwosu')?.entityId;
      assert.ok(nwosu && seen.some(c => c.entities.has(nwosu)), 'Amara Nwosu has one mention more');
      assert.ok(seen.every(c => !c.events), 'no event mention moved: the timeline is left alone');
    } finally {
      listening.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await removeCreated();
    }
  });

  test('a 1 MB article: opened, it is highlighted at once; edited, the part shown is highlighted again before the whole (times printed)', async () => {
    const sampleText = await Promise.all(sample.map(p => vscode.workspace.fs.readFile(vscode.Uri.parse(p)).then(b => new TextDecoder().decode(b))));
    let text = '';
    for (let i = 0; text.length < 1024 * 1024; i++) text += sampleText[i % sampleText.length] + '\n\n';
    const uri = await write('one-megabyte.txt', text);
    const key = uri.toString();
    try {
      await until('the article read and analysed', () => api.view().articles.get(key)?.text === text, 180000);
      let started = Date.now();
      const editor = await vscode.window.showTextDocument(uri);
      const shownAt = Date.now();
      const opened = await until('the first highlights', () => { const r = api.decorationRanges(uri); return r.length > 0 && r; }, 30000);
      console.log(`[source-annotator tests] a 1 MB article: highlighted ${Date.now() - started} ms after it was opened (${opened.length} ranges): VS Code showed it after ${shownAt - started} ms, the highlights ${Date.now() - shownAt} ms later`);
      const typed = 'Zebulon Quagmire arrived in Reykjavik. ';
      started = Date.now();
      await editor.edit(b => b.insert(new vscode.Position(0, 0), typed));
      const preview = await until('the new name highlighted', () => {
        const r = api.decorationRanges(uri);
        return r.some(x => x.style === 'PERSON' && x.start === 0 && x.end === 'Zebulon Quagmire'.length) && r;
      }, 120000);
      const previewMs = Date.now() - started;
      const wholeAlready = api.view().articles.get(key)?.text === editor.document.getText();
      console.log(`[source-annotator tests] a 1 MB article: a name typed at the top highlighted ${previewMs} ms after the edit (the pause before analysis included; ${wholeAlready ? 'the whole article' : `its shown part, ${preview.length} ranges`})`);
      assert.ok(!wholeAlready, 'the part shown came before the whole article');
      assert.ok(preview.every(r => r.end <= editor.document.offsetAt(editor.visibleRanges[0].end) + 64 * 1024), 'the preview covers what is shown, not the whole article');
      await until('the whole article analysed', () => api.view().articles.get(key)?.text === editor.document.getText(), 120000);
      const whole = await until('the whole article’s highlights', () => { const r = api.decorationRanges(uri); return r.length > preview.length && r; }, 30000);
      const final = new Set(whole.map(r => `${r.style}:${r.start}:${r.end}`));
      const kept = preview.filter(r => final.has(`${r.style}:${r.start}:${r.end}`)).length;
      assert.ok(kept >= 0.9 * preview.length, `${kept} of ${preview.length} preview highlights are the whole article’s too`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await removeCreated();
    }
  });

  test('while the folder is read, sourceAnnotator.scanning is true and the People view counts the articles; after, both are gone', async () => {
    const held = await write(HELD, 'Kim Jong Un arrived in Hanoi on Tuesday, officials said.\n');
    await until(`${HELD} in the corpus`, () => api.view().articles.has(held.toString()));
    assert.deepEqual(api.reading(), { scanning: false, message: undefined, warning: undefined, indicators: [] }, 'nothing is being read');
    // a save of the article's sidecar held open: the scan waits for it when it reaches that article (reads
    // of a sidecar wait for its save), so the scan is certainly under way when we look
    let release!: () => void;
    const hold = new Promise<void>(resolve => (release = resolve));
    let holding = false;
    api.setSidecarWriteHook(async uri => { if (uri.toString() === api.sidecarUri(held).toString()) { holding = true; await hold; } });
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(held));
    const at = positionOf(editor.document, 'Hanoi');
    editor.selection = new vscode.Selection(at, at.translate(0, 5));
    const saving = api.annotateSelection({ kind: 'note', note: 'saved while the folder is read' });
    let scan: Thenable<unknown> | undefined;
    try {
      await until('the save held', () => holding);
      scan = vscode.commands.executeCommand('sourceAnnotator.refresh');
      const during = await until('the count in the People view', () => { const r = api.reading(); return r.scanning && /^Reading articles… \d+ of \d+$/.test(r.message ?? '') && r; });
      assert.equal(during.message?.replace(/.* of /, ''), '6', 'of all six articles');
      assert.deepEqual(during.indicators, ['view'], 'the People view shows its progress bar at first');
      // held for over a second, the reading gets its notification, and the view's endless bar stops
      const later = await until('the notification', () => { const r = api.reading(); return r.indicators.includes('notification') && r; });
      assert.deepEqual(later.indicators, ['notification'], 'one progress indicator at a time');
      assert.ok(later.scanning && /^Reading articles… \d+ of 6$/.test(later.message ?? ''), `still counting in the view: ${later.message}`);
    } finally {
      release();
    }
    await scan;
    assert.ok(await saving, 'the held save went through');
    await api.ready();
    assert.deepEqual(api.reading(), { scanning: false, message: undefined, warning: undefined, indicators: [] });
    assert.equal(api.view().articles.size, 6);
  });

  test('an export into the workspace folder adds no article, neither when it is written nor at the next scan', async () => {
    await removeCreated();
    const written = await api.exportTo(root());
    assert.equal(written?.length, 4);
    created.push(...written!);
    assert.ok(written!.some(uri => uri.path.endsWith('/source-annotations-report.md')), 'a Markdown file, which the setting sourceAnnotator.articles matches');
    // the file watcher brings in an article written after the export only once it has reported the export too
    const control = await write('written-after-the-export.txt', 'Donald Trump flew to Hanoi.\n');
    await until('the article written after the export in the corpus', () => api.view().articles.has(control.toString()));
    assert.deepEqual(articles(), [...sample, control.toString()].sort());
    await vscode.commands.executeCommand('sourceAnnotator.refresh');
    assert.deepEqual(articles(), [...sample, control.toString()].sort(), 'a full scan reads no export either');
  });

  test('a folder holding more than sourceAnnotator.maxArticles: exactly that many are read, a warning says so, and an article opened is read too', async () => {
    await removeCreated();
    const settings = vscode.workspace.getConfiguration('sourceAnnotator');
    try {
      await settings.update('maxArticles', 3, vscode.ConfigurationTarget.Global);
      const warned = await until('the scan limited to 3', () => { const r = api.reading(); return !r.scanning && r.warning !== undefined && api.view().articles.size === 3 && r; });
      assert.equal(warned.warning, 'This folder has more than 3 articles; Source Annotator reads the first 3.');
      await api.ready();
      assert.equal(api.view().articles.size, 3, 'exactly the limit');
      const unread = sample.find(path => !api.view().articles.has(path))!;
      await openArticle(decodeURIComponent(unread.slice(unread.lastIndexOf('/') + 1)));
      await until('the article opened in the corpus', () => api.view().articles.has(unread));
      assert.equal(api.view().articles.size, 4);
    } finally {
      await settings.update('maxArticles', undefined, vscode.ConfigurationTarget.Global);
    }
    await until('the whole sample corpus read again, with no warning', () => !api.reading().scanning && !api.reading().warning && articles().join() === sample.join());
  });
});
