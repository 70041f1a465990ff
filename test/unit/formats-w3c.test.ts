import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveAnchor } from '../../src/core/annotations/anchor';
import type { Annotation } from '../../src/core/annotations/model';
import { exportW3c } from '../../src/core/export/w3c';
import { planW3cImport, w3cAnnotations } from '../../src/core/import/w3c';
import type { ImportArticle } from '../../src/core/import/place';
import { CodePointOffsets } from '../../src/core/text/codePoints';
import { REPO_ROOT, runCli } from './helpers';
import { corpusAnnotations, corpusOf, EMOJI_ARTICLE, EMOJI_TEXT, readSidecars, writeCorpus } from './formatsCorpus';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'formats', 'w3c');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const defaults = { author: 'importer', now: '2024-01-01T00:00:00.000Z' };

/** What an annotation is, apart from where: the fields an export must carry. */
const content = (a: Annotation) => ({ id: a.id, kind: a.kind, label: a.label, note: a.note, date: a.date, rating: a.rating, links: a.links, author: a.author, created: a.created, updated: a.updated });

describe('W3C Web Annotation: the specification’s examples', () => {
  // a page holding the words of the TextQuoteSelector example, twice without its context
  const page1 = 'A typo: anotation. Here this is an anotation that has some text around it. Another anotation, too.';
  // an ebook of 1,000 code points, with characters outside the Basic Multilingual Plane before position 412
  const ebook1 = ('𝔄𝔅 ' + 'lorem ipsum dolor sit amet '.repeat(40)).slice(0, 500) + ' the reviewed passage '.repeat(30);
  const articles: ImportArticle[] = [
    { path: 'page1.txt', relative: 'page1.txt', text: page1 },
    { path: 'ebook1.txt', relative: 'ebook1.txt', text: ebook1 },
  ];

  it('TextQuoteSelector (anno23): the one occurrence with the prefix and suffix, in the article its source names', () => {
    const plan = planW3cImport([fixture('anno23-text-quote-selector.json')], articles, defaults);
    const [imported] = plan.articles.get('page1.txt')!;
    assert.equal(imported.status, 'anchored');
    const { start, end } = imported.annotation.anchor;
    assert.equal(page1.slice(start, end), 'anotation');
    assert.equal(start, page1.indexOf('this is an anotation') + 'this is an '.length);
    assert.equal(imported.annotation.kind, 'note');
    assert.equal(imported.annotation.note, 'http://example.org/comment1', 'a body given by its IRI is kept as a note');
    assert.deepEqual(plan.notPlaced, []);
  });

  it('TextPositionSelector (anno22): positions counted in code points', () => {
    const plan = planW3cImport([fixture('anno22-text-position-selector.json')], articles, defaults);
    const [imported] = plan.articles.get('ebook1.txt')!;
    assert.equal(imported.status, 'anchored');
    assert.equal(imported.annotation.anchor.text, [...ebook1].slice(412, 795).join(''));
    assert.notEqual(imported.annotation.anchor.text, ebook1.slice(412, 795), 'the UTF-16 offsets would be two off');
  });

  it('a quote whose source names no article is found in the one article holding it with its context; in several, it is not placed', () => {
    const plan = planW3cImport([{ ...fixture('anno23-text-quote-selector.json'), target: { source: 'https://elsewhere.example/story', selector: fixture('anno23-text-quote-selector.json').target.selector } }], articles, defaults);
    assert.equal(plan.articles.get('page1.txt')?.length, 1);
    const twice = planW3cImport([fixture('anno23-text-quote-selector.json')], [...articles, { path: 'copy/page1.txt', relative: 'copy/page1.txt', text: page1 }, { path: 'other.txt', relative: 'other.txt', text: page1 }], defaults);
    assert.equal(twice.articles.size, 0, 'two articles are named page1: the source names neither, and the quote is in three');
    assert.match(twice.notPlaced[0], /^http:\/\/example.org\/anno23: found in 3 articles \(page1.txt, copy\/page1.txt, other.txt\)/);
  });

  it('a target that is a whole resource (Example 5) has no place in a text: said, not guessed', () => {
    const plan = planW3cImport([fixture('anno5-textual-body.json')], articles, defaults);
    assert.equal(plan.articles.size, 0);
    assert.match(plan.notPlaced[0], /anno5: no TextQuoteSelector or TextPositionSelector/);
  });

  it('reads a collection, a page, a list and Hypothesis rows alike', () => {
    const one = fixture('anno23-text-quote-selector.json');
    for (const doc of [[one], { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [one] } }, { type: 'AnnotationPage', items: [one] }, { rows: [one] }]) {
      assert.equal(w3cAnnotations(doc).length, 1, JSON.stringify(doc).slice(0, 60));
    }
    const hypothesis = { rows: [{ id: 'h1', uri: 'http://example.org/page1', user: 'acct:reporter@hypothes.is', text: 'Check this', tags: ['claim', 'summit'], target: [{ source: 'http://example.org/page1', selector: one.target.selector }] }] };
    const [imported] = planW3cImport([hypothesis], articles, defaults).articles.get('page1.txt')!;
    assert.equal(imported.annotation.kind, 'claim');
    assert.equal(imported.annotation.author, 'reporter');
    assert.equal(imported.annotation.note, 'Check this\n\nTags: summit');
  });
});

describe('W3C Web Annotation: round trip', () => {
  it('every annotation, with its kind, label, note, rating, date and links, at its place in code points', () => {
    const dir = writeCorpus();
    const annotations = corpusAnnotations();
    const doc = JSON.parse(exportW3c(corpusOf(dir, annotations).resolve()));
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(doc.total, [...annotations.values()].flat().length);
    const claim = doc.first.items.find((i: { target: { source: string }; body: { purpose: string; value: string }[] }) => i.target.source === EMOJI_ARTICLE && i.body.some(b => b.purpose === 'assessing'));
    const position = claim.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    assert.equal([...EMOJI_TEXT].slice(position.start, position.end).join(''), 'all sanctions were lifted');
    assert.equal(claim.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector').exact, 'all sanctions were lifted');
    assert.ok(claim.body.some((b: { source?: string }) => b.source === 'urn:source-annotator:claimant:An%20unnamed%20official'));
    fs.rmSync(dir, { recursive: true });
  });

  it('a W3C export of an annotated corpus, imported into a copy without sidecars, brings every annotation back at the same place', () => {
    const dir = writeCorpus();
    const copy = writeCorpus(true);
    const out = path.join(path.dirname(dir), `${path.basename(dir)}.jsonld`);
    assert.equal(runCli('export', dir, '--format', 'w3c', '--out', out, '--rules').code, 0);
    const imported = runCli('import', copy, '--format', 'w3c', out, '--rules');
    assert.equal(imported.code, 0, imported.err);
    const original = readSidecars(dir);
    const back = readSidecars(copy);
    const statuses = new Set<string>();
    for (const [file, list] of original) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const copies = new Map(back.get(file)!.map(a => [a.id, a]));
      assert.equal(copies.size, list.length, file);
      for (const a of list) {
        const b = copies.get(a.id)!;
        assert.ok(b, `${file}: ${a.id}`);
        assert.deepEqual(content(b), content(a));
        const was = resolveAnchor(text, a.anchor);
        assert.deepEqual(resolveAnchor(text, b.anchor), was, `${file}: ${a.id} (${a.anchor.text})`);
        statuses.add(was.status);
      }
    }
    assert.deepEqual([...statuses].sort(), ['anchored', 'needs-review', 'orphaned'], 'the corpus has annotations in every state');
    const summary = JSON.parse(imported.out);
    assert.deepEqual([summary.added, summary.needsReview, summary.orphaned, summary.notPlaced], [12, 1, 1, 0]);
    const again = JSON.parse(runCli('import', copy, '--format', 'w3c', out, '--rules').out);
    assert.deepEqual([again.added, again.alreadyThere], [0, 12], 'imported twice, nothing doubles');
    for (const d of [dir, copy]) fs.rmSync(d, { recursive: true });
    fs.rmSync(out);
  });

  it('code point offsets convert both ways around emoji and flags', () => {
    const offsets = new CodePointOffsets(EMOJI_TEXT);
    for (let units = 0; units <= EMOJI_TEXT.length; units++) {
      const points = offsets.toPoints(units);
      if (EMOJI_TEXT.codePointAt(units - 1)! > 0xffff) continue; // inside a pair
      assert.equal(points, [...EMOJI_TEXT.slice(0, units)].length, `at ${units}`);
      assert.equal(offsets.toUnits(points), units);
    }
  });
});
