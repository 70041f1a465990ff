import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../../src/core/annotations/model';
import type { CorpusView } from '../../src/core/corpus';
import { bratDocuments } from '../../src/core/export/brat';
import { parseAnn, planBratImport } from '../../src/core/import/brat';
import { addImported, type ImportArticle } from '../../src/core/import/place';
import { REPO_ROOT, runCli } from './helpers';
import { corpusAnnotations, corpusOf, EMOJI_ARTICLE, readSidecars, writeCorpus } from './formatsCorpus';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'formats', 'brat');
const defaults = { author: 'importer', now: '2024-01-01T00:00:00.000Z' };

/** The spec's example documents, each with the sentence written for it as its article. */
function specDocuments(): { docs: { name: string; ann: string; txt: string }[]; articles: ImportArticle[] } {
  const names = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.ann')).map(f => f.slice(0, -4)).sort();
  const read = (f: string) => fs.readFileSync(path.join(FIXTURES, f), 'utf8');
  return {
    docs: names.map(name => ({ name, ann: read(`${name}.ann`), txt: read(`${name}.txt`) })),
    articles: names.map(name => ({ path: `${name}.txt`, relative: `${name}.txt`, text: read(`${name}.txt`) })),
  };
}

const placed = (list: { annotation: Annotation }[], text: string) => list.map(i => [i.annotation.kind, text.slice(i.annotation.anchor.start, i.annotation.anchor.end), i.annotation.note ?? '']);

describe('brat standoff: the specification’s examples', () => {
  const { docs, articles } = specDocuments();
  const plan = planBratImport(docs, articles, defaults);
  const of = (name: string) => placed(plan.articles.get(`${name}.txt`)!, articles.find(a => a.path === `${name}.txt`)!.text);

  it('text-bound annotations: organisations and places by brat’s type names; other types as notes that name them', () => {
    assert.deepEqual(of('sony-ericsson'), [
      ['organisation', 'Sony', ''], ['note', 'joint venture', 'brat type: MERGE-ORG'], ['organisation', 'Ericsson', ''], ['place', 'Sweden', ''],
    ]);
    assert.deepEqual(of('ibm').map(p => p[1]), ['International Business Machines Corporation', 'IBM', 'Big Blue'], 'the equivalence line is read past');
  });

  it('a discontinuous annotation covers its fragments and what lies between', () => {
    assert.deepEqual(of('north-america'), [['place', 'North and South America', '']]);
  });

  it('a normalization and a note stay with their annotation', () => {
    assert.deepEqual(of('obama'), [['person', 'Barack Obama', 'this annotation is suspect\n\nReference: Wikipedia:534366']]);
    assert.equal(plan.articles.get('obama.txt')![0].annotation.links.entityId, undefined, 'a reference of another resource is no link of ours');
  });

  it('offsets are code points, in brat’s copy of the text; the article edited since is still found', () => {
    const text = 'Kim 🙂 met 🇻🇳 Trump.';
    const ann = `T1\tPerson 13 18\tTrump\n`;
    const edited = `Yesterday, ${text}`;
    const [imported] = planBratImport([{ name: 'a', ann, txt: text }], [{ path: 'a.txt', relative: 'a.txt', text: edited }], defaults).articles.get('a.txt')!;
    assert.equal(edited.slice(imported.annotation.anchor.start, imported.annotation.anchor.end), 'Trump');
    assert.equal(imported.status, 'anchored');
    assert.deepEqual([...parseAnn(ann).textBounds.values()].map(t => [t.start, t.end]), [[13, 18]]);
  });
});

/** What a view shows that brat carries: entities (type, link), quotations with their speakers, and the user's other annotations. */
function shown(view: CorpusView) {
  const out: Record<string, unknown> = {};
  for (const [path, a] of view.articles) {
    out[path] = {
      entities: a.mentions.map(m => `${m.start}-${m.end} ${m.type} ${m.entityId ?? ''}`).sort(),
      quotes: a.quotes.filter(q => q.kind === 'speech').map(q => `${q.start}-${q.end} ${q.speaker?.entityId ?? q.speaker?.name ?? ''}`).sort(),
      others: a.annotations.filter(p => !['person', 'organisation', 'place', 'quote'].includes(p.annotation.kind) && p.status === 'anchored')
        .map(p => `${p.span!.start}-${p.span!.end} ${p.annotation.kind} ${p.annotation.rating ?? ''} ${p.annotation.links.claimant ?? ''} ${p.annotation.date ?? ''} ${p.annotation.note ?? ''}`).sort(),
    };
  }
  return out;
}

describe('brat standoff: round trip', () => {
  it('export → import into the articles without annotations → the same entities, quotations, speakers and annotations at the same places', () => {
    const dir = writeCorpus(true);
    const view = corpusOf(dir, corpusAnnotations()).resolve();
    const docs = [...bratDocuments(view)];
    assert.equal(docs.length, view.articles.size);
    for (const doc of docs) assert.equal(doc.txt, view.articles.get(`${doc.name}.txt`)!.text, 'the .txt is the article');
    const emoji = docs.find(d => d.name === 'emoji-article')!.ann;
    assert.match(emoji, /^T\d+\tClaim 115 140\tall sanctions were lifted$/m, 'offsets in code points');
    assert.match(emoji, /^A\d+\tRating T\d+ False$/m);
    assert.match(emoji, /^N\d+\tClaimant T\d+ source-annotator:An%20unnamed%20official\tAn unnamed official$/m);
    assert.match(emoji, /^R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$|^N\d+\tSpeaker T\d+ source-annotator:person:donald-trump\tDonald Trump$/m);
    assert.match(docs.find(d => d.name.startsWith('xinhua'))!.ann, /^#\d+\tAnnotatorNotes T\d+\tLine one\. Line two, with a tab here\.$/m, 'a note on one line');

    const bare = corpusOf(dir);
    const before = bare.resolve();
    const articles: ImportArticle[] = [...before.articles.values()].map(a => ({ path: a.path, relative: a.path, text: a.text, view: a }));
    const plan = planBratImport(docs.map(d => ({ name: d.name, ann: d.ann, txt: d.txt })), articles, defaults);
    assert.deepEqual(plan.notPlaced, []);
    assert.ok(plan.alreadyShown > 100, 'what the analysis already shows is not added again');
    for (const a of articles) bare.setArticle(a.path, a.text, addImported([], (plan.articles.get(a.path) ?? []).map(i => i.annotation)).list);
    const after = shown(bare.resolve());
    const expected = shown(view);
    // the multi-line note is written on one line in brat
    (expected['xinhua-kim-trump-meet-hanoi.txt'] as { others: string[] }).others = (expected['xinhua-kim-trump-meet-hanoi.txt'] as { others: string[] }).others.map(s => s.replace('Line one.\nLine two, with a tab\there.', 'Line one. Line two, with a tab here.'));
    assert.deepEqual(after, expected);
    fs.rmSync(dir, { recursive: true });
  });

  it('the CLI writes a .txt and an .ann per article into --out, refuses to write them among the articles, and imports them', () => {
    const dir = writeCorpus();
    const copy = writeCorpus(true);
    const out = `${dir}-brat`;
    const inside = runCli('export', dir, '--format', 'brat', '--out', path.join(dir, 'brat'), '--rules');
    assert.equal(inside.code, 2);
    assert.match(inside.err, /inside the folder of articles, where its .txt files would be read as articles/);
    const written = runCli('export', dir, '--format', 'brat', '--out', out, '--rules');
    assert.equal(written.code, 0, written.err);
    assert.deepEqual(fs.readdirSync(out).filter(f => f.startsWith('emoji')).sort(), ['emoji-article.ann', 'emoji-article.txt']);
    const imported = runCli('import', copy, '--format', 'brat', out, '--rules');
    assert.equal(imported.code, 0, imported.err);
    const back = readSidecars(copy).get(EMOJI_ARTICLE)!;
    const claim = back.find(a => a.kind === 'claim')!;
    assert.deepEqual([claim.anchor.text, claim.rating, claim.links.claimant], ['all sanctions were lifted', 'False', 'An unnamed official']);
    assert.equal(JSON.parse(runCli('import', copy, '--format', 'brat', out, '--rules').out).added, 0, 'imported twice, nothing doubles');
    for (const d of [dir, copy, out]) fs.rmSync(d, { recursive: true });
  });

  it('an article whose sidecar cannot be read is left untouched and said; the others are imported (exit 3)', () => {
    const dir = writeCorpus();
    const copy = writeCorpus(true);
    const out = `${dir}.jsonld`;
    runCli('export', dir, '--format', 'w3c', '--out', out, '--rules');
    const broken = path.join(copy, 'xinhua-kim-trump-meet-hanoi.txt.annotations.yaml');
    fs.writeFileSync(broken, 'version: 1\nannotations: [unclosed\n');
    const imported = runCli('import', copy, '--format', 'w3c', out);
    assert.equal(imported.code, 3);
    assert.match(imported.err, /xinhua-kim-trump-meet-hanoi\.txt: nothing imported: .*cannot be read/);
    assert.equal(fs.readFileSync(broken, 'utf8'), 'version: 1\nannotations: [unclosed\n');
    assert.equal(readSidecars(copy).get(EMOJI_ARTICLE)?.length, 4);
    for (const d of [dir, copy]) fs.rmSync(d, { recursive: true });
    fs.rmSync(out);
  });
});
