// The vscode-API suite: runs inside a real extension host (code-server on CI, @vscode/test-electron elsewhere)
// with the sample corpus as the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QuoteComparison, WordChange } from '../../src/core/quotes/compare';
import { compareWords } from '../../src/core/quotes/utterances';
import type { SourceAnnotatorApi } from '../../src/extension';
import { AnalysisWorker } from '../../src/vscode/analysisWorker';
import { relativePaths } from '../../src/vscode/articleFiles';
import { contentHash } from '../../src/core/text/hash';
import { encodeAnalysis, plainAnalysis } from '../../src/core/corpus/analysisCodec';
import { EXTENSION_ID, exists, openArticle, positionOf, readText, until, workspaceFile } from './helpers';

const XINHUA = 'xinhua-kim-trump-meet-hanoi.txt';

suite('Source Annotator in VS Code', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<SourceAnnotatorApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await openArticle(XINHUA); // opening a plain-text article activates the extension
    api = await extension.activate();
    await api.ready();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activates and reads the whole sample corpus', async () => {
    const view = api.view();
    assert.equal(view.articles.size, 5);
    const names = [...view.entities.values()].filter(e => e.type === 'PERSON').map(e => e.name);
    for (const person of ['Donald Trump', 'Kim Jong Un', 'Mike Pompeo', 'Kim Yong Chol']) assert.ok(names.includes(person), `${person} in ${names.join(', ')}`);
  });

  test('every contributed command is registered', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of manifest.contributes.commands) assert.ok(registered.has(command), `${command} is registered`);
  });

  test('highlights people, places and quotations in an open article', async () => {
    const editor = await openArticle(XINHUA);
    const doc = editor.document;
    const ranges = await until('decorations', () => { const r = api.decorationRanges(doc.uri); return r.length > 10 && r; });
    const text = doc.getText();
    const styled = (style: string) => ranges.filter(r => r.style === style).map(r => text.slice(r.start, r.end));
    assert.ok(styled('PERSON').includes('Kim Jong Un'), 'Kim Jong Un is a person');
    assert.ok(styled('PERSON').includes('Donald Trump'), 'Donald Trump is a person');
    assert.ok(!styled('PERSON').some(t => /President/.test(t)), 'no title inside a person');
    assert.ok(styled('PLACE').includes('Hanoi'));
    assert.ok(styled('speech').some(t => t.includes('outcome that everybody will welcome')));
    assert.ok(styled('quiet').some(t => t.includes('Hanoi Summit')), 'the banner text is a quieter title quote');
  });

  test('the hover names the person, the kind and the mentions across the corpus', async () => {
    const editor = await openArticle(XINHUA);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Trump', 1).translate(0, 2));
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Donald Trump/);
    assert.match(text, /Person/);
    assert.match(text, /in 5 articles/);
  });

  test('the hover of a quotation gives its speaker and cue', async () => {
    const editor = await openArticle(XINHUA);
    const at = positionOf(editor.document, 'outcome that everybody will welcome').translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Said by \*\*Kim Jong Un\*\*/);
    assert.match(text, /said/);
    assert.match(text, /Also quoted in 2 other sources: .*npr\\?-kuow.*time\\?-kim/, 'the same words in other outlets, each a link');
    assert.match(text, /\[Compare versions\]\(command:sourceAnnotator\.compareQuote\?/, 'and a link to compare them');
  });

  test('Compare Quote Across Sources sets Kim’s words side by side as Xinhua, NPR and Time quote them', async () => {
    const editor = await openArticle(XINHUA);
    const at = positionOf(editor.document, 'outcome that everybody will welcome').translate(0, 3);
    editor.selection = new vscode.Selection(at, at);
    const shown = await api.compareQuote(); // the quote under the cursor
    assert.ok(shown, 'a comparison is shown');
    assert.deepEqual(shown.versions.map(v => v.outlet), ['xinhua-kim-trump-meet-hanoi', 'npr-kuow-second-trump-kim-summit-hanoi', 'time-kim-trump-handshake-hanoi']);
    assert.equal(shown.reference.text, 'outcome that everybody will welcome', 'the version the command was run on is the reference');
    assert.equal(shown.speakerName, 'Kim Jong Un');
    for (const v of shown.versions.slice(1)) {
      const expected: WordChange[] = compareWords(v.text, shown.reference.text).map(d => ({ text: d.text, change: d.in === 'both' ? 'same' : d.in === 'first' ? 'added' : 'missing' }));
      assert.deepEqual(v.changes, expected, `${v.outlet} marked as compareWords marks it`);
      assert.ok(v.added > 0 && !v.sameAsReference, v.outlet);
    }
    const panels = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('sourceAnnotator.compareQuote'));
    const [tab] = await until('the comparison panel', () => panels().length === 1 && panels());
    assert.equal(tab.label, 'Compare: “outcome that everybody will welcome”');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the article');
    // the hover's link passes (path, start): the same panel shows it again
    const offset = editor.document.offsetAt(at);
    const again = await vscode.commands.executeCommand<QuoteComparison | undefined>('sourceAnnotator.compareQuote', editor.document.uri.toString(), offset);
    assert.equal(again?.versions.length, 3);
    assert.equal(panels().length, 1, 'one panel, reused');
  });

  test('Compare Quote Across Sources opens no panel for words only one source quotes', async () => {
    const editor = await openArticle(XINHUA);
    const start = editor.document.getText().indexOf('"successful"');
    const shown = await api.compareQuote({ article: editor.document.uri.toString(), start });
    assert.equal(shown, undefined);
    await new Promise(r => setTimeout(r, 300));
    const panels = vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview);
    assert.deepEqual(panels.map(t => t.label), []);
  });

  test('Go to References lists mentions of a person in every article', async () => {
    const editor = await openArticle(XINHUA);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, 'Kim Jong Un').translate(0, 1));
    const files = new Set(locations.map(l => l.uri.path.split('/').pop()));
    assert.equal(files.size, 5, [...files].join(', '));
    const inXinhua = locations.filter(l => l.uri.toString() === editor.document.uri.toString());
    assert.ok(inXinhua.every(l => /^(Kim|Kim Jong Un)$/.test(editor.document.getText(l.range))), 'each location covers a mention');
  });

  test('document highlights mark the other mentions in the file', async () => {
    const editor = await openArticle(XINHUA);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', editor.document.uri, positionOf(editor.document, 'Trump').translate(0, 1));
    assert.ok(highlights.length >= 5, `${highlights.length} highlights`);
    assert.ok(highlights.every(h => /Trump/.test(editor.document.getText(h.range))));
  });

  test('Next Mention moves to the next mention of the same person', async () => {
    const editor = await openArticle(XINHUA);
    const start = positionOf(editor.document, 'Kim Jong Un').translate(0, 1);
    editor.selection = new vscode.Selection(start, start);
    const said = await vscode.commands.executeCommand<string>('sourceAnnotator.nextMention');
    const after = vscode.window.activeTextEditor!;
    assert.ok(after.document.offsetAt(after.selection.start) > after.document.offsetAt(start) || after.document.uri.toString() !== editor.document.uri.toString());
    assert.match(after.document.getText(after.selection), /^Kim/);
    // the status bar says where the jump went: which of how many, in which outlet
    assert.match(said, /^Kim Jong Un — \d+ of \d+, \S/);
    const back = await vscode.commands.executeCommand<string>('sourceAnnotator.previousMention');
    assert.equal(Number(/— (\d+) of/.exec(back)![1]), Number(/— (\d+) of/.exec(said)![1]) - 1 || Number(/of (\d+)/.exec(said)![1]));
  });

  test('Annotate Selection writes the sidecar beside the article and shows the annotation', async () => {
    const editor = await openArticle(XINHUA);
    const start = positionOf(editor.document, 'Hanoi Summit');
    editor.selection = new vscode.Selection(start, start.translate(0, 'Hanoi Summit'.length));
    const annotation = await api.annotateSelection({ kind: 'note', note: 'banner above the flags' });
    assert.ok(annotation);
    const sidecar = api.sidecarUri(editor.document.uri);
    assert.equal(sidecar.path.split('/').pop(), `${XINHUA}.annotations.yaml`);
    const yaml = await readText(sidecar);
    assert.match(yaml, /kind: note/);
    assert.match(yaml, /note: banner above the flags/);
    assert.match(yaml, /text: Hanoi Summit/);
    await until('the annotation in the view', () => api.view().articles.get(editor.document.uri.toString())?.annotations.some(a => a.annotation.id === annotation.id && a.status === 'anchored'));
    assert.ok(api.decorationRanges(editor.document.uri).some(r => r.style === 'user'));
  });

  test('a person annotation overrides the model and links to an existing entity', async () => {
    const editor = await openArticle(XINHUA);
    const start = positionOf(editor.document, 'DPRK leader');
    editor.selection = new vscode.Selection(start, start.translate(0, 'DPRK leader'.length));
    await api.annotateSelection({ kind: 'person', link: 'person:kim-jong-un', label: 'Kim Jong Un', note: '' });
    const article = await until('the user mention', () => api.view().articles.get(editor.document.uri.toString())?.mentions.find(m => m.origin === 'user'));
    assert.equal(article.entityId, 'person:kim-jong-un');
    assert.equal(article.type, 'PERSON');
  });

  test('a sidecar that cannot be read is reported and never overwritten', async () => {
    const article = workspaceFile('time-kim-trump-handshake-hanoi.txt');
    const sidecar = api.sidecarUri(article);
    const broken = 'version: 1\nannotations:\n  - id: x\n    kind: [unclosed\n';
    await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(broken));
    const diagnostics = await until('a diagnostic on the sidecar', () => { const d = vscode.languages.getDiagnostics(sidecar); return d.length > 0 && d; });
    assert.ok(diagnostics[0].range.start.line >= 2, 'the diagnostic points at the broken line');
    const editor = await openArticle('time-kim-trump-handshake-hanoi.txt');
    const start = positionOf(editor.document, 'Metropole');
    editor.selection = new vscode.Selection(start, start.translate(0, 9));
    await assert.rejects(api.annotateSelection({ kind: 'note', note: 'must not be written' }));
    assert.equal(await readText(sidecar), broken);
    await vscode.workspace.fs.delete(sidecar);
  });

  test('an external edit of a sidecar is picked up', async () => {
    const article = workspaceFile('the-diplomat-trump-kim-second-summit-hanoi.txt');
    const text = await readText(article);
    const at = text.indexOf('Seoul');
    const yaml = [
      'version: 1', 'article: the-diplomat-trump-kim-second-summit-hanoi.txt', "contentHash: ''", 'annotations:',
      '  - id: a-external', '    kind: claim', '    note: written by git pull', '    author: someone', "    created: '2026-01-01T00:00:00Z'", "    updated: '2026-01-01T00:00:00Z'",
      // with its context, as a sidecar written by the extension has it: a short name is re-placed only when certain
      '    anchor:', '      text: Seoul', `      prefix: ${JSON.stringify(text.slice(Math.max(0, at - 32), at))}`, `      suffix: ${JSON.stringify(text.slice(at + 5, at + 37))}`,
      `      start: ${at + 3}`, `      end: ${at + 8}`, '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(api.sidecarUri(article), new TextEncoder().encode(yaml));
    const placed = await until('the external annotation', () => api.view().articles.get(article.toString())?.annotations.find(a => a.annotation.id === 'a-external'));
    assert.equal(placed.status, 'moved');
    assert.equal(placed.span?.start, at);
  });

  test('Export Annotations writes JSON, CSV, a Markdown report with a timeline and a TimelineJS file', async () => {
    const folder = workspaceFile('export-test');
    await vscode.workspace.fs.createDirectory(folder);
    const written = await api.exportTo(folder);
    assert.equal(written?.length, 4);
    const timeline = JSON.parse(await readText(vscode.Uri.joinPath(folder, 'source-annotations-timeline.json')));
    const dated = api.view().events.filter(e => /^\d{4}/.test(e.date)).length;
    assert.equal(timeline.events.length, dated, 'one slide per dated event');
    for (const slide of timeline.events) assert.ok(Number.isInteger(slide.start_date.year) && slide.text.headline, JSON.stringify(slide));
    const json = JSON.parse(await readText(vscode.Uri.joinPath(folder, 'source-annotations.json')));
    assert.equal(json.articles.length, 5);
    const csvBytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'source-annotations.csv'));
    assert.deepEqual([...csvBytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark first');
    const csv = await readText(vscode.Uri.joinPath(folder, 'source-annotations.csv'));
    assert.match(csv.split('\r\n')[0], /^article,record,kind,start,end,text/);
    const md = await readText(vscode.Uri.joinPath(folder, 'source-annotations-report.md'));
    assert.match(md, /### Donald Trump/);
    assert.match(md, /### Kim Jong Un/);
    assert.match(md, /\n## Timeline\n/);
    assert.ok(await exists(vscode.Uri.joinPath(folder, 'source-annotations.json')));
  });

  test('the trained entity model is in use, in a worker thread', () => {
    assert.match(api.recogniser(), /^tagger:/);
    assert.ok(api.workerAnalyses() >= 5, `${api.workerAnalyses()} analyses in the worker`);
  });

  test('a worker holds several requests at once and answers each with its own analysis, urgent ones first', async () => {
    const extension = vscode.Uri.file(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath);
    const pool = new AnalysisWorker(vscode.Uri.joinPath(extension, 'dist', 'worker.js'), vscode.Uri.joinPath(extension, 'media', 'ner-model.bin').fsPath, undefined, 1);
    try {
      const texts = Array.from({ length: 9 }, (_, i) => `Reporter ${i}: "We met in Hanoi on Tuesday," Kim Jong Un said, speaking to ${i + 2} officials.`);
      const answered: number[] = [];
      const asked = texts.map((text, i) => pool.analyse(text, 1 << 20, i === 8).then(a => { answered.push(i); return a; }));
      const analyses = await Promise.all(asked);
      analyses.forEach((a, i) => assert.equal(a.hash, contentHash(texts[i]), `request ${i} got its own text's analysis`));
      assert.ok(analyses.every(a => a.mentions.some(m => m.text === 'Kim Jong Un')));
      // the worker holds all nine and takes the urgent one first: at most the analysis under way comes before it
      assert.ok(answered.indexOf(8) <= 1, `answered in the order ${answered.join(', ')}`);
    } finally {
      pool.dispose();
    }
  });

  test("a scan's relative paths are VS Code's: the innermost folder's, and VS Code's own answer outside every folder", async () => {
    const files = await vscode.workspace.findFiles('**/*');
    assert.ok(files.length >= 5);
    const relative = relativePaths();
    for (const uri of files) assert.equal(relative(uri), vscode.workspace.asRelativePath(uri, false), uri.toString());
    const outside = vscode.Uri.file('/no/such/folder/article.txt');
    assert.equal(relative(outside), vscode.workspace.asRelativePath(outside, false));
    const folder = (path: string, index: number): vscode.WorkspaceFolder => ({ uri: vscode.Uri.file(path), name: path, index });
    const nested = relativePaths([folder('/news', 0), folder('/news/2019/', 1)]);
    assert.equal(nested(vscode.Uri.file('/news/2019/hanoi.txt')), 'hanoi.txt');
    assert.equal(nested(vscode.Uri.file('/news/2018/seoul.txt')), '2018/seoul.txt');
    assert.equal(nested(vscode.Uri.parse('untitled:/news/2018/seoul.txt')), vscode.workspace.asRelativePath(vscode.Uri.parse('untitled:/news/2018/seoul.txt'), false), 'another scheme is not under the folder');
  });

  test('a worker without work stops after its idle time, the first one too, and a new one answers the next request', async () => {
    const extension = vscode.Uri.file(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath);
    const pool = new AnalysisWorker(vscode.Uri.joinPath(extension, 'dist', 'worker.js'), vscode.Uri.joinPath(extension, 'media', 'ner-model.bin').fsPath, undefined, 1, { first: 300, others: 300 });
    try {
      const text = 'Reporter: "We met in Hanoi on Tuesday," Kim Jong Un said.';
      const first = await pool.analyse(text, 1 << 20);
      assert.equal(pool.running(), 1, 'the worker runs while it has just answered');
      await until('the idle worker to stop', () => pool.running() === 0, 10000);
      const again = await pool.analyse(text, 1 << 20);
      assert.deepEqual(plainAnalysis(again), plainAnalysis(first), 'a new worker answers as the first did');
      assert.equal(pool.running(), 1);
    } finally {
      pool.dispose();
    }
  });

  test('stopping the workers settles every request they held or that waited: none is left hanging', async () => {
    const extension = vscode.Uri.file(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath);
    const pool = new AnalysisWorker(vscode.Uri.joinPath(extension, 'dist', 'worker.js'), vscode.Uri.joinPath(extension, 'media', 'ner-model.bin').fsPath, undefined, 1);
    const asked = Array.from({ length: 200 }, (_, i) => pool.analyse(`Reporter ${i}: "We met in Hanoi," Kim Jong Un said.`, 1 << 20).then(() => 'answered', () => 'refused'));
    pool.dispose();
    const outcomes = await Promise.race([Promise.all(asked), new Promise<string[]>(r => setTimeout(() => r(['hanging']), 5000))]);
    assert.equal(outcomes.length, 200, outcomes.join('; '));
    assert.ok(outcomes.includes('refused'));
  });

  test('a worker answers in the form the index stores when asked: the same analysis, and its encoding', async () => {
    const extension = vscode.Uri.file(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath);
    const pool = new AnalysisWorker(vscode.Uri.joinPath(extension, 'dist', 'worker.js'), vscode.Uri.joinPath(extension, 'media', 'ner-model.bin').fsPath, undefined, 1);
    try {
      const text = 'Reporter: "We met in Hanoi on Tuesday," Kim Jong Un said. “It was good,” said President Trump.';
      const [plain, { analysis, encoded }] = await Promise.all([pool.analyse(text, 1 << 20), pool.analyseEncoded(text, 1 << 20)]);
      assert.equal(encoded, encodeAnalysis(plain, text));
      assert.deepEqual(plainAnalysis(analysis), plainAnalysis(plain));
      assert.ok(analysis.quotes.length >= 2 && analysis.mentions.some(m => m.text === 'Kim Jong Un'));
    } finally {
      pool.dispose();
    }
  });

  test('a worker that cannot start rejects every request, those it held and those waiting (the caller then analyses in the main thread)', async () => {
    const missing = vscode.Uri.file(`${vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath}/dist/no-such-worker.js`);
    const pool = new AnalysisWorker(missing, '/no/such/model.bin', undefined, 1);
    try {
      const asked = Array.from({ length: 5 }, (_, i) => pool.analyse(`Text ${i}.`, 1 << 20).then(() => 'answered', (e: Error) => `rejected: ${e.message}`));
      const outcomes = await Promise.race([Promise.all(asked), new Promise<string[]>(r => setTimeout(() => r(['timed out']), 10000))]);
      assert.equal(outcomes.length, 5, outcomes.join('; '));
      assert.ok(outcomes.every(o => o.startsWith('rejected')), outcomes.join('; '));
    } finally {
      pool.dispose();
    }
  });

  test('typing re-analyses the article off the main thread, after a pause', async () => {
    const editor = await openArticle('the-diplomat-trump-kim-second-summit-hanoi.txt');
    const before = api.workerAnalyses();
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Angela Merkel watched from Berlin. '));
    const article = await until('the new mention', () => api.view().articles.get(editor.document.uri.toString())?.mentions.find(m => m.text === 'Angela Merkel'));
    assert.equal(article.type, 'PERSON');
    assert.ok(api.workerAnalyses() > before, 'the worker made the new analysis');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Mark All Occurrences annotates the name in every article', async () => {
    const editor = await openArticle(XINHUA);
    const start = positionOf(editor.document, 'Singapore');
    editor.selection = new vscode.Selection(start, start.translate(0, 'Singapore'.length));
    const added = await api.markAllOccurrences({ kind: 'place', link: 'place:singapore', accept: 'all' });
    const files = new Set<string>();
    for (const a of added) {
      const owner = [...api.view().articles.values()].find(v => v.annotations.some(p => p.annotation.id === a.id));
      assert.ok(owner, `annotation ${a.id} is in the corpus`);
      files.add(owner.path);
      assert.equal(owner.text.slice(a.anchor.start, a.anchor.end), 'Singapore');
    }
    assert.ok(files.size >= 4, `${files.size} articles`);
    for (const path of files) assert.match(await readText(api.sidecarUri(vscode.Uri.parse(path))), /kind: place/);
  });

  test('Not an Entity removes the highlight here and wherever the same text appears', async () => {
    const editor = await openArticle(XINHUA);
    const text = editor.document.getText();
    const at = text.indexOf('Political Bureau');
    assert.ok(api.view().articles.get(editor.document.uri.toString())!.mentions.some(m => m.text === 'Political Bureau'), 'a mention to reject');
    await vscode.commands.executeCommand('sourceAnnotator.rejectMention', { article: editor.document.uri.toString(), start: at, end: at + 'Political Bureau'.length });
    await until('the rejection', () => !api.view().articles.get(editor.document.uri.toString())!.mentions.some(m => m.text === 'Political Bureau'));
    assert.match(await readText(api.sidecarUri(editor.document.uri)), /kind: not-entity/);
  });

  test('the user corrects a quotation: another speaker, then not a quotation; the sidecar keeps it and it wins', async () => {
    const name = 'time-kim-trump-handshake-hanoi.txt';
    const editor = await openArticle(name);
    const path = editor.document.uri.toString();
    const start = editor.document.getText().indexOf('“awesome.”');
    const quoteAt = () => api.view().articles.get(path)!.quotes.find(q => q.start <= start && start < q.end);
    assert.equal(quoteAt()?.speaker?.entityId, 'person:donald-trump', 'the model’s attribution first');
    await api.setSpeaker({ article: path, start }, 'person:kim-jong-un');
    const corrected = await until('the corrected speaker', () => quoteAt()?.speaker?.entityId === 'person:kim-jong-un' && quoteAt());
    assert.equal(corrected.origin, 'user');
    assert.equal(corrected.text, 'awesome.', 'the words without their marks');
    assert.match(await readText(api.sidecarUri(editor.document.uri)), /kind: quote[\s\S]*speaker: person:kim-jong-un/);
    const at = editor.document.positionAt(start + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const hover = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(hover, /Said by \*\*Kim Jong Un\*\*/);
    assert.match(hover, /Speaker set by you/);
    assert.match(hover, /Change speaker/);
    await api.markNotAQuote({ article: path, start });
    await until('the quotation gone', () => !quoteAt());
    const yaml = await readText(api.sidecarUri(editor.document.uri));
    assert.match(yaml, /kind: not-quote/);
    assert.doesNotMatch(yaml, /kind: quote/, 'the correction became the rejection, not a second annotation');
    await until('no quotation highlight there', () => !api.decorationRanges(editor.document.uri).some(r => r.style === 'speech' && r.start <= start && start < r.end));
  });

  test('our keybindings clash with no default keybinding', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = await until('the default keybindings', () => { const e = vscode.window.activeTextEditor; return e && /keybindings/i.test(e.document.uri.path) && e.document.getText(); });
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { keybindings: { key: string; command: string }[] } };
    const boundTo = (key: string) => [...defaults.matchAll(new RegExp(`"key":\\s*"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}",\\s*"command":\\s*"([^"]+)"`, 'g'))].map(m => m[1]);
    assert.ok(boundTo('f1').includes('workbench.action.showCommands'), 'the default keybindings are read');
    for (const { key, command } of manifest.contributes.keybindings) {
      const owners = boundTo(key).filter(c => c !== command && !c.startsWith('-'));
      assert.deepEqual(owners, [], `${key} is also bound to ${owners.join(', ')}`);
    }
  });
});
