// The vscode-API suite for articles nobody vetted: empty, CRLF, byte-order marks, bytes that are not UTF-8,
// binary, too large, and a sidecar naming a file outside the workspace. Each test writes its files into the
// workspace at run time; the suite removes them (and its setting) at the end, so that the suites after it
// (files run in name order) find the sample corpus as it was.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/annotations/codec';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi, exists, positionOf, readText, until, workspaceFile } from './helpers';

const XINHUA = 'xinhua-kim-trump-meet-hanoi.txt';
const BOM = [0xef, 0xbb, 0xbf];
const encode = (text: string): number[] => [...new TextEncoder().encode(text)];

suite('Source Annotator in VS Code: bad input', () => {
  let api: SourceAnnotatorApi;
  const created: vscode.Uri[] = [];

  const root = () => vscode.workspace.workspaceFolders![0].uri;

  /** Writes a file into the workspace, or another folder (removed after the suite). */
  async function write(name: string, bytes: number[] | Uint8Array, folder = root()): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(folder, name);
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    return uri;
  }

  const article = (uri: vscode.Uri) => api.view().articles.get(uri.toString());
  const inCorpus = (uri: vscode.Uri, timeoutMs?: number) => until(`${uri.path} in the corpus`, () => article(uri), timeoutMs);

  /**
   * The article's bytes and its sidecar copied to a new file that is never opened: the corpus reads it from
   * disk, so where the copied annotation lands tells whether disk and editor offsets agree. Gives its placement.
   */
  async function placedInCopy(from: vscode.Uri, name: string, id: string) {
    const copy = await write(name, await vscode.workspace.fs.readFile(from));
    await write(`${name}.annotations.yaml`, encode((await readText(api.sidecarUri(from))).replace(/^article: .*$/m, `article: ${name}`)));
    return until(`the annotation in ${name}`, () => article(copy)?.annotations.find(p => p.annotation.id === id));
  }

  async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }

  /** The highlights of an open article as (style, the words under them), once they are computed for its text. */
  async function highlighted(doc: vscode.TextDocument): Promise<string[]> {
    const ranges = await until(`highlights in ${doc.uri.path}`, () => article(doc.uri)?.text === doc.getText() && api.decorationRanges(doc.uri).length > 10 && api.decorationRanges(doc.uri));
    return ranges.filter(r => r.style !== 'user').map(r => `${r.style}:${doc.getText(new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)))}`);
  }

  suiteSetup(async () => {
    api = await activeApi(XINHUA);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('sourceAnnotator').update('maxArticleSizeKB', undefined, vscode.ConfigurationTarget.Global);
    for (const uri of created.reverse()) {
      await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(api.sidecarUri(uri)).then(undefined, () => undefined);
    }
    await until('the sample corpus alone again', () => api.view().articles.size === 5, 30000);
  });

  test('every byte-order mark, line break and encoding is read from disk as the editor shows it', async () => {
    const utf16 = (text: string, be: boolean) => [be ? 0xfe : 0xff, be ? 0xff : 0xfe, ...[...text].flatMap(c => (be ? [0, c.charCodeAt(0)] : [c.charCodeAt(0), 0]))];
    const samples: Record<string, number[]> = {
      'bi-empty.txt': [],
      'bi-bom.txt': [...BOM, ...encode('Kim Jong Un met Donald Trump.\n')],
      'bi-bom2.txt': [...BOM, ...BOM, ...encode('Kim\r\nTrump')],
      'bi-crlf.txt': encode('Kim\r\nJong\r\nUn\r\n'),
      'bi-mixed-lf.txt': encode('a\r\nb\nc\nd'),
      'bi-mixed-crlf.txt': encode('a\r\nb\r\nc\nd\r'),
      'bi-cr.txt': encode('old\rMac\rfile'),
      'bi-latin1.txt': [...encode('Caf'), 0xe9, ...encode(' in Hanoi'), 0xff, 0xed, 0xa0, 0x80, 0x0a],
      'bi-utf16le.txt': utf16('Kim said "hi".\r\n', false),
      'bi-utf16be.txt': utf16('Trump said "bye".\n', true),
    };
    const read = new Map<string, string>();
    for (const [name, bytes] of Object.entries(samples)) {
      const uri = await write(name, bytes);
      read.set(name, (await inCorpus(uri)).text); // not open: read from disk
    }
    for (const name of Object.keys(samples)) {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
      assert.equal(JSON.stringify(read.get(name)), JSON.stringify(doc.getText()), `${name}: the corpus's text is the editor's`);
    }
    assert.equal(read.get('bi-bom.txt'), 'Kim Jong Un met Donald Trump.\n', 'no byte-order mark in the text');
    assert.equal(read.get('bi-latin1.txt'), 'Caf\uFFFD in Hanoi\uFFFD\uFFFD\uFFFD\uFFFD\n', 'bytes that are not UTF-8 are U+FFFD, as the editor shows them');
  });

  test('an empty article opens, shows nothing and breaks nothing', async () => {
    const uri = await write('bi-empty-open.txt', []);
    const editor = await open(uri);
    await inCorpus(uri);
    // no date in it: the file's day, shown as a guess
    const shown = await until('the status bar', () => api.status()?.text.endsWith('(guess)') && api.status());
    assert.match(shown.text, /^\$\(person\) 0 \$\(quote\) 0 \$\(calendar\) \d{4}-\d\d-\d\d \(guess\)$/);
    assert.match(shown.tooltip, /^Source Annotator: 0 people, 0 quotations, 0 annotations of yours\. Published: a guess, \w+day \d+ \w+ \d{4}, the day the file was last changed/);
    assert.deepEqual(api.decorationRanges(uri), []);
    const at = new vscode.Position(0, 0);
    assert.deepEqual(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, at), []);
    assert.deepEqual(await vscode.commands.executeCommand('vscode.executeReferenceProvider', uri, at), []);
    assert.ok(!(await vscode.commands.executeCommand<unknown[] | undefined>('vscode.executeDocumentHighlights', uri, at))?.length);
    await vscode.commands.executeCommand('sourceAnnotator.nextMention');
    await vscode.commands.executeCommand('sourceAnnotator.previousMention');
    assert.equal(await api.compareQuote(), undefined);
    assert.deepEqual(await api.markAllOccurrences({ kind: 'person', accept: 'all' }), []);
    editor.selection = new vscode.Selection(at, at);
    assert.equal(await api.annotateSelection({ kind: 'note', note: 'nothing selected' }), undefined, 'nothing to annotate: refused');
    assert.equal(await exists(api.sidecarUri(uri)), false, 'and no sidecar written');
    assert.ok([...api.view().entities.values()].some(e => e.name === 'Kim Jong Un'), 'the rest of the corpus is as it was');
  });

  test('a CRLF article: highlights on the same words as in the LF original, references and an annotation at the editor’s offsets, re-anchored after a change on disk', async () => {
    const original = await readText(workspaceFile(XINHUA));
    assert.ok(!original.includes('\r'));
    const expected = await highlighted((await open(workspaceFile(XINHUA))).document);
    const uri = await write('bi-crlf-xinhua.txt', encode(original.replace(/\n/g, '\r\n')));
    await inCorpus(uri);
    // Go to References from the LF article, into the CRLF one while it is not open (positions counted in its text)
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', workspaceFile(XINHUA), positionOf(vscode.window.activeTextEditor!.document, 'Trump').translate(0, 1));
    const intoCrlf = refs.filter(l => l.uri.toString() === uri.toString());
    assert.ok(intoCrlf.length >= 3 && intoCrlf.some(l => l.range.start.line >= 5), 'mentions of Trump on later lines');
    const editor = await open(uri);
    const doc = editor.document;
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    assert.deepEqual(intoCrlf.map(l => doc.getText(l.range)).filter(t => !/Trump/.test(t)), [], 'each reference covers a mention');
    assert.deepEqual(await highlighted(doc), expected, 'the same words highlighted, in the same styles');

    // an annotation after several CRLF lines: offsets count each CRLF as two
    const at = doc.getText().lastIndexOf('Trump');
    const line = doc.positionAt(at).line;
    assert.ok(line >= 5, `line ${line}`);
    assert.equal(at, original.lastIndexOf('Trump') + line, 'one more code unit per line break before it');
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 5));
    const made = await api.annotateSelection({ kind: 'claim', note: 'after CRLF lines' });
    assert.ok(made);
    const saved = parseSidecar(await readText(api.sidecarUri(uri)), 'bi-crlf-xinhua.txt').sidecar!.annotations.find(a => a.id === made.id)!;
    assert.deepEqual([saved.anchor.start, saved.anchor.end, saved.anchor.text], [at, at + 5, 'Trump']);
    assert.equal(saved.anchor.prefix, doc.getText().slice(at - saved.anchor.prefix.length, at), 'its context as the editor holds it');
    assert.ok(saved.anchor.prefix.includes('\r\n') || saved.anchor.suffix.includes('\r\n'), 'CRLF within its context');
    const copied = await placedInCopy(uri, 'bi-crlf-copy.txt', made.id);
    assert.deepEqual([copied.status, copied.span], ['anchored', { start: at, end: at + 5 }], 'read from disk, the same offsets');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // a line added on disk: the annotation follows its words
    const added = 'UPDATED 10:42 a.m.\r\n';
    await vscode.workspace.fs.writeFile(uri, new Uint8Array(encode(added + original.replace(/\n/g, '\r\n'))));
    const placed = await until('the annotation re-anchored', () => {
      const p = article(uri)?.annotations.find(x => x.annotation.id === made.id);
      return p?.span?.start === at + added.length && p;
    });
    assert.equal(placed.status, 'moved');
    const reopened = (await open(uri)).document;
    const user = await until('the annotation highlighted', () => api.decorationRanges(uri).find(r => r.style === 'user'));
    assert.equal(reopened.getText(new vscode.Range(reopened.positionAt(user.start), reopened.positionAt(user.end))), 'Trump');
  });

  test('an article with a byte-order mark: offsets do not count it, in the editor, on disk and in the sidecar', async () => {
    const original = await readText(workspaceFile('time-kim-trump-handshake-hanoi.txt'));
    const uri = await write('bi-bom-time.txt', [...BOM, ...encode(original)]);
    assert.equal((await inCorpus(uri)).text, original);
    const editor = await open(uri);
    const at = original.indexOf('Kim Jong Un');
    assert.equal(editor.document.offsetAt(positionOf(editor.document, 'Kim Jong Un')), at);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 11));
    const made = await api.annotateSelection({ kind: 'note', note: 'after a BOM' });
    const saved = parseSidecar(await readText(api.sidecarUri(uri)), 'bi-bom-time.txt').sidecar!.annotations.find(a => a.id === made!.id)!;
    assert.deepEqual([saved.anchor.start, saved.anchor.text], [at, 'Kim Jong Un']);
    const copied = await placedInCopy(uri, 'bi-bom-copy.txt', made!.id);
    assert.deepEqual([copied.status, copied.span], ['anchored', { start: at, end: at + 11 }], 'read from disk, the same offsets');
  });

  test('bytes that are not UTF-8: analysed as the editor shows them, with U+FFFD', async () => {
    const uri = await write('bi-invalid-utf8.txt', [...encode('Caf'), 0xe9, 0xff, ...encode(' talks in Hanoi.\n\nDonald Trump met Kim Jong Un there, '), 0xc0, ...encode('said the Vietnamese Foreign Ministry.\n')]);
    const editor = await open(uri);
    const a = await until('the analysis', () => article(uri)?.text === editor.document.getText() && article(uri));
    assert.equal(a.analysis.skipped, undefined);
    assert.ok(a.text.startsWith('Caf\uFFFD\uFFFD talks'));
    const people = a.mentions.filter(m => m.type === 'PERSON').map(m => editor.document.getText(new vscode.Range(editor.document.positionAt(m.start), editor.document.positionAt(m.end))));
    assert.ok(people.includes('Donald Trump') && people.includes('Kim Jong Un'), people.join(', '));
  });

  test('a binary file with an article’s name is not analysed, and says why when opened', async () => {
    const binary = await write('bi-binary.txt', [0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, ...encode('Kim Jong Un'), 0, 0xff]);
    assert.equal((await inCorpus(binary)).analysis.skipped, 'a binary file');
    assert.deepEqual([article(binary)!.mentions, article(binary)!.quotes], [[], []]);
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(binary)), /binary/, 'VS Code itself does not open it as text');
    // NUL characters after the first 512 bytes: VS Code opens it as text, the extension still skips it
    const late = await write('bi-binary-late.txt', [...encode('Kim Jong Un said "yes".\n'.repeat(40)), 0, 0, 1, 2]);
    await open(late);
    const shown = await until('the status bar says why', () => api.status()?.text === '$(warning) Not analysed' && api.status());
    assert.match(shown.tooltip, /a binary file \(it holds NUL characters\)/);
    assert.match(shown.notice ?? '', /does not analyse bi-binary-late\.txt: it is a binary file/);
    assert.deepEqual(api.decorationRanges(late), []);
  });

  test('a named pipe and a folder with articles’ names are not read: a scan neither waits on the pipe nor stops', async function () {
    const pipe = vscode.Uri.joinPath(root(), 'bi-pipe.txt');
    if (spawnSync('mkfifo', [pipe.fsPath]).status !== 0) return this.skip(); // no mkfifo here
    created.push(pipe);
    const folder = vscode.Uri.joinPath(root(), 'bi-folder.txt');
    await vscode.workspace.fs.createDirectory(folder);
    created.push(folder);
    const after = await write('bi-after-pipe.txt', encode('Kim Jong Un met Moon Jae-in in Pyongyang on Tuesday.\n'));
    await vscode.commands.executeCommand('sourceAnnotator.refresh');
    await api.ready();
    await inCorpus(after);
    assert.equal(article(pipe), undefined, 'the pipe is not an article');
    assert.equal(article(folder), undefined, 'the folder is not an article');
  });

  test('an article over sourceAnnotator.maxArticleSizeKB is not analysed, and says why; under it again, it is', async function () {
    this.timeout(120000); // two rescans of the whole test folder
    const settings = vscode.workspace.getConfiguration('sourceAnnotator');
    const paragraph = 'Donald Trump met Kim Jong Un in Hanoi on Feb. 27, 2019. "We will see," Trump said.\n';
    const large = await write('bi-large.txt', encode(paragraph.repeat(20))); // 1.7 KB: read, then skipped
    const larger = await write('bi-larger.txt', encode(paragraph.repeat(60))); // over 3 bytes per character of the limit: not even read
    await settings.update('maxArticleSizeKB', 1, vscode.ConfigurationTarget.Global);
    try {
      // the setting rescans the whole test folder: a slow machine takes a while
      await until('the large article skipped', () => article(large)?.analysis.skipped === 'larger than 1 KB', 45000);
      await api.ready();
      assert.equal(article(larger), undefined, 'a file certainly over the limit is not read');
      await open(larger);
      assert.equal((await inCorpus(larger)).analysis.skipped, 'larger than 1 KB', 'opened, it is the editor’s text that is skipped');
      const shown = await until('the status bar says why', () => api.status()?.text === '$(warning) Not analysed' && api.status());
      assert.match(shown.tooltip, /it is larger than 1 KB\. The limit is the setting sourceAnnotator\.maxArticleSizeKB/);
      assert.match(shown.notice ?? '', /does not analyse bi-larger\.txt: it is larger than 1 KB/);
      assert.deepEqual(api.decorationRanges(larger), []);
    } finally {
      await settings.update('maxArticleSizeKB', undefined, vscode.ConfigurationTarget.Global);
    }
    const analysed = await until('analysed under the default limit', () => { const a = article(large); return a && !a.analysis.skipped && a.mentions.length > 0 && a; }, 45000);
    assert.ok(analysed.mentions.some(m => m.text === 'Kim Jong Un'));
  });

  test('a 20 MB article opens and is not analysed (the longest stall of the extension host is printed)', async () => {
    const paragraph = 'Donald Trump met Kim Jong Un in Hanoi on Feb. 27, 2019. "We will see," Trump said.\n';
    const bytes = new TextEncoder().encode(paragraph.repeat(Math.ceil(20 * 1024 * 1024 / paragraph.length)));
    const uri = await write('bi-huge.txt', bytes);
    let worst = 0;
    let last = Date.now();
    const ticker = setInterval(() => { const now = Date.now(); worst = Math.max(worst, now - last); last = now; }, 20);
    const started = Date.now();
    try {
      await open(uri);
      const shown = await until('the status bar says why', () => api.status()?.text === '$(warning) Not analysed' && api.status(), 30000);
      assert.match(shown.tooltip, /larger than 2048 KB/);
      assert.equal(article(uri)!.text.length, bytes.length);
    } finally {
      clearInterval(ticker);
    }
    // a figure, not an assertion: on a busy machine the stall says more about the machine than about us
    console.log(`[bad input] 20 MB article: status after ${Date.now() - started} ms, longest stall of the extension host ${worst} ms`);
  });

  test('a sidecar naming a file outside the workspace: nothing there is read or written', async () => {
    const outside = vscode.Uri.joinPath(root(), '..', 'bi-outside');
    created.push(outside);
    const secret = await write('secret.txt', encode('Zebulon Quagmire said "nobody reads this".\n'), outside);
    const before = await vscode.workspace.fs.stat(secret);
    const text = 'Donald Trump met Kim Jong Un in Hanoi.\n';
    for (const [name, field] of [['bi-outside-relative.txt', '../bi-outside/secret.txt'], ['bi-outside-absolute.txt', secret.fsPath]]) {
      const uri = await write(name, encode(text));
      const sidecar = await write(`${name}.annotations.yaml`, encode(`version: 1\narticle: ${JSON.stringify(field)}\nannotations:\n  - id: a-1\n    kind: note\n    note: kept\n    anchor: { text: Kim Jong Un, prefix: "", suffix: "", start: 17, end: 28 }\n`));
      await until('the warning on the field', () => vscode.languages.getDiagnostics(sidecar).some(d => /`article` says/.test(d.message)));
      const placed = await until('the annotation placed in the article beside it', () => article(uri)?.annotations[0]);
      assert.deepEqual(placed.span, { start: 17, end: 28 });
      const editor = await open(uri);
      editor.selection = new vscode.Selection(positionOf(editor.document, 'Hanoi'), positionOf(editor.document, 'Hanoi').translate(0, 5));
      assert.ok(await api.annotateSelection({ kind: 'note', note: 'written beside the article' }));
      const saved = parseSidecar(await readText(sidecar), name);
      assert.equal(saved.sidecar?.article, name, 'the field corrected on save');
      assert.deepEqual(saved.sidecar?.annotations.map(a => a.anchor.text), ['Kim Jong Un', 'Hanoi']);
    }
    const folder = root().toString() + '/';
    assert.deepEqual([...api.view().articles.keys()].filter(p => !p.startsWith(folder)), [], 'no article outside the workspace');
    assert.ok(![...api.view().entities.values()].some(e => /Zebulon|Quagmire/.test(e.name)), 'the outside file was not analysed');
    assert.deepEqual((await vscode.workspace.fs.readDirectory(outside)).map(([n]) => n), ['secret.txt'], 'nothing written beside it');
    const after = await vscode.workspace.fs.stat(secret);
    assert.deepEqual([after.size, after.mtime], [before.size, before.mtime]);
  });
});
