import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { Annotation } from '../../src/core/annotations/model';
import { Corpus, type CorpusView } from '../../src/core/corpus';
import { exportCsv, exportJson, exportMarkdown, exportMarkdownChunks } from '../../src/core/export';
import { SAMPLE_CORPUS, nth, readSample, runCli as cli, sampleFiles } from './helpers';

// an event's date: a TimeML/ISO value (2019-02-27, 2019-02, 2019, 2019-W09, 2019-Q1, 201), or none when the text gives none
const ISO_DATE = /^(?:\d{3,4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4])?)?$/;

/** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const EXTRA = 'extra-article.txt';
const EXTRA_TEXT = 'Donald Trump said "yes, we will", in Hanoi on Feb. 27, 2019. Kim Jong Un agreed.\n';

function annotation(id: string, start: number, end: number, extra: Partial<Annotation>): Annotation {
  return { id, kind: 'note', links: {}, author: 'tester', created: '2019-02-27T00:00:00.000Z', updated: '2019-02-27T00:00:00.000Z', anchor: makeAnchor(EXTRA_TEXT, { start, end }), ...extra };
}

/** The sample corpus plus one small article whose annotations carry values a spreadsheet would run as formulas. */
function exportView(): CorpusView {
  const corpus = new Corpus();
  for (const f of sampleFiles()) corpus.setArticle(f, readSample(f));
  const quote = nth(EXTRA_TEXT, '"yes');
  corpus.setArticle(EXTRA, EXTRA_TEXT, [
    annotation('a-1', quote, quote + '"yes, we will"'.length, { kind: 'claim', note: '=HYPERLINK("http://example.com","click")' }),
    annotation('a-2', 0, 12, { kind: 'person', label: '+Trump | *the* president', note: '@SUM(1,2)', links: { entityId: 'person:donald-trump' } }),
    annotation('a-3', nth(EXTRA_TEXT, 'Kim'), nth(EXTRA_TEXT, 'Kim') + 11, { note: '-1, a minus' }),
  ]);
  return corpus.resolve();
}

describe('export: JSON, CSV and Markdown of the sample corpus', () => {
  let view: CorpusView;
  before(() => { view = exportView(); });

  it('JSON: every article with its entities, quotes and annotations; people with their forms', () => {
    const data = JSON.parse(exportJson(view));
    assert.equal(data.articles.length, 6);
    for (const a of data.articles) {
      const text = view.articles.get(a.path)!.text;
      for (const e of a.entities) assert.equal(text.slice(e.start, e.end), e.text);
      for (const q of a.quotes) assert.equal(text.slice(q.start, q.end), q.text);
    }
    const extra = data.articles.find((a: { path: string }) => a.path === EXTRA);
    assert.deepEqual(extra.annotations.map((a: { id: string; status: string }) => [a.id, a.status]), [['a-1', 'anchored'], ['a-2', 'anchored'], ['a-3', 'anchored']]);
    const trump = data.people.find((p: { entityId: string }) => p.entityId === 'person:donald-trump');
    assert.equal(trump.name, 'Donald Trump');
    assert.ok(trump.forms.includes('Trump') && trump.forms.includes('Donald J. Trump'));
    for (const e of data.events) assert.match(e.date, ISO_DATE);
  });

  it('JSON: paths go through the relative() mapping', () => {
    const data = JSON.parse(exportJson(view, p => `corpus/${p}`));
    assert.ok(data.articles.every((a: { path: string }) => a.path.startsWith('corpus/')));
    assert.ok(data.events.every((e: { mentions: { path: string }[] }) => e.mentions.every(m => m.path.startsWith('corpus/'))));
  });

  describe('CSV', () => {
    let csv = '';
    let rows: string[][] = [];
    let header: string[] = [];
    const col = (name: string) => header.indexOf(name);
    before(() => {
      csv = exportCsv(view);
      rows = parseCsv(csv.replace(/^\uFEFF/, ''));
      header = rows[0];
    });

    it('starts with a byte-order mark, so that a spreadsheet reads it as UTF-8', () => {
      assert.ok(csv.startsWith('\uFEFFarticle,'));
    });

    it('has a header, then rows as wide as the header', () => {
      for (const name of ['article', 'record', 'kind', 'start', 'end', 'text', 'entityId', 'speaker', 'note']) assert.ok(header.includes(name), name);
      assert.ok(rows.length > 100);
      for (const r of rows) assert.equal(r.length, header.length, JSON.stringify(r));
      assert.ok(csv.endsWith('\r\n'));
    });

    it('escapes quotes and commas: every quotation reads back exactly', () => {
      let checked = 0;
      for (const [p, a] of view.articles) {
        const quoteRows = rows.filter(r => r[col('article')] === p && r[col('record')] === 'quote');
        assert.equal(quoteRows.length, a.quotes.length, p);
        quoteRows.forEach((r, i) => { assert.equal(r[col('text')], a.quotes[i].text); checked++; });
      }
      assert.ok(checked > 30);
      assert.ok(rows.some(r => r[col('text')].includes(',')), 'a cell with a comma was read back');
      const claim = rows.find(r => r[col('record')] === 'annotation' && r[col('kind')] === 'claim')!;
      assert.equal(claim[col('text')], '"yes, we will"');
      assert.ok(csv.includes('"""yes, we will"""'), 'a cell with quotes is quoted and its quotes doubled');
    });

    it('neutralises cells that a spreadsheet would run as a formula (=, +, -, @)', () => {
      const notes = rows.filter(r => r[col('record')] === 'annotation').map(r => r[col('note')]);
      assert.ok(notes.includes('\'=HYPERLINK("http://example.com","click")'), JSON.stringify(notes));
      assert.ok(notes.includes("'@SUM(1,2)"));
      assert.ok(notes.includes("'-1, a minus"));
      for (const r of rows) for (const cell of r) assert.ok(!/^[=+\-@]/.test(cell), `live formula cell ${JSON.stringify(cell)}`);
    });
  });

  describe('Markdown', () => {
    let md = '';
    before(() => { md = exportMarkdown(view); });
    const section = (heading: string) => {
      const start = md.indexOf(`\n${heading}\n`);
      assert.ok(start >= 0, `no ${heading}`);
      const rest = md.slice(start + heading.length + 2);
      const next = rest.search(/^#{2,3} /m);
      return next < 0 ? rest : rest.slice(0, next);
    };

    it('has a "## People" section with "### Donald Trump" and "### Kim Jong Un"', () => {
      assert.ok(md.startsWith('# '));
      const people = md.indexOf('\n## People\n');
      assert.ok(people > 0);
      assert.ok(md.indexOf('\n### Donald Trump\n') > people);
      assert.ok(md.indexOf('\n### Kim Jong Un\n') > people);
    });

    it('lists each person\'s quotations under them, not under someone else', () => {
      const trump = section('### Donald Trump');
      const kim = section('### Kim Jong Un');
      assert.match(trump, /Quotations:\n\n(- “.*\n)+/);
      for (const q of ['We’ll see.', 'Our relationship is a very special relationship,', 'very, very beautiful friendship', 'equal or greater']) assert.ok(trump.includes(`- “${q}”`), q);
      for (const q of ['a lot of thinking, effort and patience', 'new strategic line', 'outcome that everybody will welcome']) {
        assert.ok(kim.includes(`- “${q}”`), q);
        assert.ok(!trump.includes(q), q);
      }
      assert.ok(trump.includes('time-kim-trump-handshake-hanoi.txt'), 'quotations name their source');
    });

    it('escapes Markdown in user text', () => {
      assert.ok(md.includes('\\*the\\* president'), 'asterisks escaped');
      assert.ok(md.includes('\\|'), 'pipe escaped');
    });

    it('comes in pieces of whole lines when long, never as one string', () => {
      const corpus = new Corpus();
      const first = ['Maria', 'John', 'Ahmed', 'Olga', 'Peter', 'Nadia', 'Carlos', 'Helen', 'Victor', 'Irene', 'Samuel', 'Laura'];
      const family = ['Lopez', 'Smith', 'Haddad', 'Ivanova', 'Brown', 'Karimi', 'Mendes', 'Walsh', 'Novak', 'Keller'];
      const names = family.flatMap(f => first.map(g => `${g} ${f}`));
      names.forEach((name, i) => corpus.setArticle(`a${String(i).padStart(3, '0')}.txt`, `${name} said "we will build the bridge in ${name.split(' ')[1]}ville," on Monday.\n`));
      const chunks = [...exportMarkdownChunks(corpus.resolve())];
      assert.ok(chunks.length > 1, `${chunks.length} piece(s)`);
      for (const c of chunks.slice(1)) assert.ok(c.startsWith('\n'), 'each later piece starts a new line');
      const whole = chunks.join('');
      assert.ok(whole.includes('\n### Laura Keller\n'), 'the last person is there');
      assert.equal(whole, exportMarkdown(corpus.resolve()));
    });
  });
});

describe('CLI: analyze --format jsonl', () => {
  let run: ReturnType<typeof cli>;
  let lines: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let records: any[] = [];
  before(() => {
    run = cli('analyze', '--format', 'jsonl', SAMPLE_CORPUS);
    lines = run.out.split('\n').filter(Boolean);
    records = lines.map(l => JSON.parse(l));
  });

  it('exits 0 and prints one JSON line per article', () => {
    assert.equal(run.code, 0, run.err);
    assert.equal(lines.length, 5);
    assert.deepEqual(records.map(r => path.basename(r.path)).sort(), sampleFiles());
  });

  it('entities are {start,end,text,type,entityId} (DATE with its value) with text === fileText.slice(start,end)', () => {
    for (const r of records) {
      const text = fs.readFileSync(r.path, 'utf8');
      assert.ok(r.entities.length > 20, r.path);
      for (const e of r.entities) {
        assert.deepEqual(Object.keys(e).sort(), ['end', 'entityId', 'start', 'text', 'type', ...(e.type === 'DATE' ? ['value'] : [])].sort());
        if (e.type === 'DATE') assert.ok(e.value === null || /^(?:\d{3,4}|\d{4}-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|SP|SU|FA|WI)|(?:PRESENT|PAST|FUTURE)_REF)$/.test(e.value), JSON.stringify(e));
        assert.equal(text.slice(e.start, e.end), e.text);
        assert.ok(['PERSON', 'ORG', 'PLACE', 'DATE'].includes(e.type), e.type);
        assert.ok(typeof e.entityId === 'string' && e.entityId.length > 0);
      }
    }
  });

  it('each article says its publication date and where it comes from; the dateline gives the Xinhua report’s', () => {
    for (const r of records) {
      assert.deepEqual(Object.keys(r.published).sort(), ['source', 'value']);
      assert.ok(['user', 'text', 'option', 'file'].includes(r.published.source), r.published.source);
    }
    assert.deepEqual(records.find(r => r.path.includes('xinhua')).published, { value: '2019-02-27', source: 'text' });
  });

  it('--published dates the articles that state no date; the text’s own date wins; a bad date is a usage error', () => {
    // the sample's articles without the sidecars that give four of them the date their pages show
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-published-'));
    for (const f of fs.readdirSync(SAMPLE_CORPUS).filter(f => f.endsWith('.txt'))) fs.copyFileSync(path.join(SAMPLE_CORPUS, f), path.join(bare, f));
    const given = cli('analyze', '--format', 'jsonl', '--published', '2019-02-27', bare);
    assert.equal(given.code, 0, given.err);
    const byName = new Map(given.out.split('\n').filter(Boolean).map(l => JSON.parse(l)).map(r => [path.basename(r.path), r]));
    assert.equal(byName.size, 5);
    for (const [name, r] of byName) assert.deepEqual(r.published, { value: '2019-02-27', source: name.startsWith('xinhua') ? 'text' : 'option' }, name);
    // with the sidecars, the user's dates win over the option
    const sample = cli('analyze', '--format', 'jsonl', '--published', '2019-03-01', SAMPLE_CORPUS);
    const sources = sample.out.split('\n').filter(Boolean).map(l => JSON.parse(l)).map(r => [path.basename(r.path).split('-')[0], r.published.source, r.published.value]);
    assert.deepEqual(sources.sort(), [['npr', 'user', '2019-02-27'], ['the', 'user', '2019-02-27'], ['time', 'user', '2019-02-27'], ['vietnamese', 'user', '2019-02-28'], ['xinhua', 'text', '2019-02-27']]);
    // "Wednesday" in the NPR report is the publication day itself
    const npr = [...byName.values()].find(r => r.path.includes('npr'));
    assert.deepEqual(npr.entities.filter((e: { text: string }) => e.text === 'Wednesday').map((e: { value: string; entityId: string }) => [e.value, e.entityId])[0], ['2019-02-27', 'date:2019-02-27']);
    for (const bad of ['2019-02-30', '27/02/2019', 'yesterday']) assert.equal(cli('analyze', '--format', 'jsonl', '--published', bad, SAMPLE_CORPUS).code, 2, bad);
  });

  it('quotes are {start,end,text,kind,speaker} (speech also confidence, 0–1) with text === slice and kind speech/scare/title', () => {
    for (const r of records) {
      const text = fs.readFileSync(r.path, 'utf8');
      assert.ok(r.quotes.length > 0, r.path);
      for (const q of r.quotes) {
        assert.deepEqual(Object.keys(q).sort(), q.kind === 'speech' ? ['confidence', 'end', 'kind', 'speaker', 'start', 'text'] : ['end', 'kind', 'speaker', 'start', 'text']);
        if (q.kind === 'speech') assert.ok(q.confidence > 0 && q.confidence <= 1, String(q.confidence));
        assert.equal(text.slice(q.start, q.end), q.text);
        assert.ok(['speech', 'scare', 'title'].includes(q.kind), q.kind);
        if (q.speaker) {
          assert.equal(typeof q.speaker.name, 'string');
          assert.ok(q.speaker.entityId === null || typeof q.speaker.entityId === 'string');
        }
      }
    }
  });

  it('events carry ISO dates', () => {
    const events = records.flatMap(r => r.events);
    assert.ok(events.length > 0);
    for (const e of events) if (e.date !== null) assert.match(e.date, ISO_DATE, JSON.stringify(e));
    assert.ok(events.some(e => e.date), 'some events are dated');
  });

  it('no event comes from a copyright notice', () => {
    const events = records.flatMap(r => r.events);
    assert.deepEqual(events.filter(e => /copyright/i.test(e.label)).map(e => e.label), []);
  });

  it('Trump has one entityId across all files', () => {
    const ids = new Map<string, Set<string>>();
    for (const r of records) {
      for (const e of r.entities) if (e.type === 'PERSON' && /^(Donald (J\. )?)?Trump$/.test(e.text)) {
        if (!ids.has(e.entityId)) ids.set(e.entityId, new Set());
        ids.get(e.entityId)!.add(path.basename(r.path));
      }
    }
    assert.deepEqual([...ids.keys()], ['person:donald-trump']);
    assert.equal(ids.get('person:donald-trump')!.size, 5);
  });

  it('a usage error exits 2 with a message on stderr and nothing on stdout', () => {
    const bad = cli('analyze', '--format', 'xml', SAMPLE_CORPUS);
    assert.equal(bad.code, 2);
    assert.equal(bad.out, '');
    assert.match(bad.err, /format/);
    assert.equal(cli('frobnicate').code, 2);
  });
});

describe('CLI: annotate, then annotations', () => {
  let dir = '';
  let article = '';
  let sidecar = '';
  const original = readSample('time-kim-trump-handshake-hanoi.txt');
  const start = nth(original, 'Kim Jong Un');
  const end = start + 'Kim Jong Un'.length;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-unit-'));
    article = path.join(dir, 'time.txt');
    sidecar = path.join(dir, 'time.txt.annotations.yaml');
    fs.writeFileSync(article, original);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const list = () => {
    const run = cli('annotations', article, '--format', 'json');
    assert.equal(run.code, 0, run.err);
    return JSON.parse(run.out) as { id: string; kind: string; status: string; start: number | null; end: number | null; text: string; note: string | null }[];
  };

  it('annotate writes a sidecar beside the article and prints the annotation', () => {
    const run = cli('annotate', article, '--start', String(start), '--end', String(end), '--kind', 'person', '--note', 'the leader', '--author', 'tester');
    assert.equal(run.code, 0, run.err);
    const printed = JSON.parse(run.out);
    assert.deepEqual({ kind: printed.kind, start: printed.start, end: printed.end, text: printed.text }, { kind: 'person', start, end, text: 'Kim Jong Un' });
    assert.ok(fs.existsSync(sidecar));
    assert.equal(fs.readFileSync(article, 'utf8'), original, 'the article itself is never written');
  });

  it('annotations gives status anchored at the same offsets', () => {
    const items = list();
    assert.equal(items.length, 1);
    assert.deepEqual({ status: items[0].status, start: items[0].start, end: items[0].end, text: items[0].text, kind: items[0].kind, note: items[0].note },
      { status: 'anchored', start, end, text: 'Kim Jong Un', kind: 'person', note: 'the leader' });
  });

  it('after text is inserted before the span, annotations gives status moved with the new offsets', () => {
    const inserted = 'UPDATED 10:42 a.m. — ';
    fs.writeFileSync(article, inserted + original);
    const items = list();
    assert.equal(items.length, 1);
    assert.deepEqual({ status: items[0].status, start: items[0].start, end: items[0].end, text: items[0].text },
      { status: 'moved', start: start + inserted.length, end: end + inserted.length, text: 'Kim Jong Un' });
  });

  it('annotations does not modify the sidecar (bytes and mtime)', () => {
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(sidecar, past, past);
    const bytes = fs.readFileSync(sidecar);
    const mtime = fs.statSync(sidecar).mtimeMs;
    list();
    list();
    assert.ok(bytes.equals(fs.readFileSync(sidecar)), 'sidecar bytes changed');
    assert.equal(fs.statSync(sidecar).mtimeMs, mtime, 'sidecar was rewritten');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['time.txt', 'time.txt.annotations.yaml'], 'no stray files');
  });

  it('a second annotate keeps the first annotation', () => {
    const text = fs.readFileSync(article, 'utf8');
    const s = nth(text, 'Donald Trump');
    const run = cli('annotate', article, '--start', String(s), '--end', String(s + 12), '--kind', 'person', '--label', 'Donald Trump', '--author', 'tester');
    assert.equal(run.code, 0, run.err);
    const items = list();
    assert.deepEqual(items.map(i => [i.text, i.status]).sort(), [['Donald Trump', 'anchored'], ['Kim Jong Un', 'moved']]);
  });

  it('annotate refuses offsets outside the article (exit 2) and leaves the sidecar alone', () => {
    const bytes = fs.readFileSync(sidecar);
    const run = cli('annotate', article, '--start', '5', '--end', '999999', '--kind', 'note');
    assert.equal(run.code, 2);
    assert.ok(bytes.equals(fs.readFileSync(sidecar)));
  });
});

describe('CLI: an export that cannot be written', () => {
  it('says why in words, writes nothing and leaves no temporary file behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-export-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.txt'), EXTRA_TEXT);
      const out = path.join(dir, 'out');
      fs.mkdirSync(path.join(out, 'report.json'), { recursive: true }); // a folder where the export would go
      const run = cli('export', path.join(dir, 'a.txt'), '--format', 'json', '--out', path.join(out, 'report.json'));
      assert.equal(run.code, 1);
      assert.match(run.err, /cannot write .*report\.json: a folder has that name; nothing was written/);
      assert.doesNotMatch(run.err, /EISDIR|\.tmp/);
      assert.deepEqual(fs.readdirSync(out), ['report.json'], 'no temporary file left beside it');
      const missing = cli('export', path.join(dir, 'a.txt'), '--format', 'json', '--out', path.join(dir, 'no-such-folder', 'r.json'));
      assert.equal(missing.code, 1);
      assert.match(missing.err, /its folder does not exist; nothing was written/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
