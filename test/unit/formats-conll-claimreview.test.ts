import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ArticleView, CorpusView } from '../../src/core/corpus';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import { exportClaimReview } from '../../src/core/export/claimReview';
import { CONLL_DOCSTART, CONLL_TAGS, exportConllChunks, taggableMentions } from '../../src/core/export/conll';
import { CodePointOffsets } from '../../src/core/text/codePoints';
import { runCli } from './helpers';
import { corpusAnnotations, corpusOf, EMOJI_ARTICLE, writeCorpus } from './formatsCorpus';

/**
 * Reads CoNLL back as a tagger's trainer would, then finds each token in the article's text in order: the
 * entities (start, end, tag) per article, and whether every tag sequence is valid IOB2.
 */
function readConll(conll: string, articles: ArticleView[]): { entities: string[][]; valid: boolean } {
  const docs = conll.split(`${CONLL_DOCSTART}\n`).slice(1);
  let valid = docs.length === articles.length;
  const entities = docs.map((doc, i) => {
    const text = articles[i].text;
    const found: string[] = [];
    let at = 0;
    let open: { start: number; end: number; tag: string } | undefined;
    const close = () => { if (open) found.push(`${open.start}-${open.end} ${open.tag}`); open = undefined; };
    for (const line of doc.split('\n')) {
      if (!line) { close(); continue; }
      const [token, tag] = line.split(' ');
      const start = text.indexOf(token, at);
      if (start < 0) valid = false;
      at = start + token.length;
      if (tag === 'O') close();
      else if (tag.startsWith('B-')) { close(); open = { start, end: at, tag: tag.slice(2) }; }
      else if (open && tag === `I-${open.tag}`) open.end = at;
      else valid = false; // an I- that continues nothing
    }
    close();
    return found;
  });
  return { entities, valid };
}

describe('CoNLL: round trip', () => {
  let view: CorpusView;
  let dir: string;
  before(() => {
    dir = writeCorpus(true);
    view = corpusOf(dir, corpusAnnotations()).resolve();
  });
  after(() => fs.rmSync(dir, { recursive: true }));

  it('the entities come back from the tokens and their IOB2 tags, as the user corrected them', () => {
    const conll = [...exportConllChunks(view)].join('');
    const articles = [...view.articles.values()];
    const read = readConll(conll, articles);
    assert.ok(read.valid, 'every token is the article’s next one, every I- continues a B-');
    assert.deepEqual(read.entities, articles.map(a => taggableMentions(a).map(m => `${m.start}-${m.end} ${CONLL_TAGS[m.type]}`)));
    const xinhua = articles.findIndex(a => a.path.startsWith('xinhua'));
    const rejected = articles[xinhua].text.indexOf('Xinhua');
    assert.ok(!read.entities[xinhua].some(e => e.startsWith(`${rejected}-`)), 'the mention the user said is not an entity is tagged O');
    const emoji = articles.findIndex(a => a.path === EMOJI_ARTICLE);
    const hanoi = articles[emoji].text.indexOf('Hanoi');
    assert.ok(read.entities[emoji].includes(`${hanoi}-${hanoi + 5} LOC`), 'the place the user marked');
    assert.match(conll, /^Kim B-PER$/m);
  });

  it('a name followed by ’s is cut from it; an entity over a sentence end keeps its sentence whole', () => {
    const text = 'Trump’s aides met Kim. Jong Un spoke later.';
    const d = writeOne(text);
    const one = corpusOf(d, new Map([['a.txt', [entityAnnotation(text, 'Trump'), entityAnnotation(text, 'Kim. Jong Un')]]])).resolve();
    const lines = [...exportConllChunks(one)].join('').split('\n');
    assert.deepEqual(lines.slice(0, 4), [CONLL_DOCSTART, '', 'Trump B-PER', '’s O']);
    const from = lines.indexOf('Kim B-PER');
    const to = lines.indexOf('Un I-PER');
    assert.ok(from > 0 && to > from, lines.join('|'));
    assert.ok(!lines.slice(from, to).includes(''), 'no sentence break inside an entity');
    fs.rmSync(d, { recursive: true });
  });
});

/** A folder with one article a.txt. */
function writeOne(text: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-conll-'));
  fs.writeFileSync(`${d}/a.txt`, text);
  return d;
}

function entityAnnotation(text: string, words: string) {
  const start = text.indexOf(words);
  return { id: `a-${start}`, kind: 'person' as const, links: {}, author: 't', created: '', updated: '', anchor: { text: words, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + words.length, start + words.length + 32), start, end: start + words.length } };
}

describe('ClaimReview: round trip', () => {
  it('each rated claim: its words, verdict and claimant, and its place in the article in code points (RFC 5147)', () => {
    const dir = writeCorpus(true);
    const view = corpusOf(dir, corpusAnnotations()).resolve();
    const reviews = JSON.parse(exportClaimReview(view));
    const rated = [...view.articles.values()].flatMap(a => a.annotations.filter(p => p.annotation.kind === 'claim' && p.annotation.rating && p.status === 'anchored').map(p => ({ a, p })));
    assert.equal(reviews.length, rated.length);
    assert.equal(rated.length, 2, 'the orphaned claim and the unrated ones are left out');
    for (const review of reviews) {
      assert.equal(review['@context'], 'https://schema.org');
      assert.equal(review['@type'], 'ClaimReview');
      const [file, fragment] = review.itemReviewed.appearance.url.split('#');
      const [, start, end] = /^char=(\d+),(\d+)$/.exec(fragment)!.map(Number);
      const article = view.articles.get(decodeURI(file))!;
      const offsets = new CodePointOffsets(article.text);
      const span = { start: offsets.toUnits(start), end: offsets.toUnits(end) };
      const claim = rated.find(r => r.a === article && r.p.span!.start === span.start && r.p.span!.end === span.end)!;
      assert.ok(claim, review.claimReviewed);
      assert.equal(review.claimReviewed, article.text.slice(span.start, span.end));
      assert.equal(review.reviewRating.alternateName, claim.p.annotation.rating);
      const claimant = claim.p.annotation.links.claimant!;
      assert.equal(review.itemReviewed.author.name, view.entities.get(claimant)?.name ?? claimant);
    }
    assert.ok(reviews.some((r: { itemReviewed: { author: { name: string } } }) => r.itemReviewed.author.name === 'Donald Trump'), 'an entity id is given by its name');
    fs.rmSync(dir, { recursive: true });
  });

  it('the CLI prints ClaimReview, CoNLL and JSON, and says in words what is wrong with a format or a missing --out', () => {
    const dir = writeCorpus();
    for (const format of ['claimreview', 'conll', 'json']) {
      const result = runCli('export', dir, '--format', format, '--rules');
      assert.equal(result.code, 0, result.err);
      assert.ok(result.out.length > 100, format);
    }
    assert.match(runCli('export', dir, '--format', 'docx').err, /unknown format docx: json, csv, md, timelinejs, w3c, brat, conll, claimreview/);
    assert.match(runCli('export', dir, '--format', 'brat').err, /--format brat writes a folder of files: give it with --out/);
    assert.match(runCli('import', dir, '--format', 'csv', dir).err, /import needs --format w3c or brat/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('sidecars: a claim’s verdict and who made it', () => {
  const base = { id: 'a-1', kind: 'claim' as const, links: {}, author: 'r', created: '2019-03-01T10:00:00.000Z', updated: '2019-03-01T10:00:00.000Z', anchor: { text: 'x', prefix: '', suffix: '', start: 0, end: 1 } };

  it('are written after the note and read back; a sidecar without them reads as before and is written unchanged', () => {
    const rated = { ...base, note: 'n', rating: 'Mostly true', links: { claimant: 'Ann Lee' } };
    const written = serializeSidecar({ version: 1, article: 'a.txt', contentHash: '', annotations: [rated] });
    assert.match(written, /note: n\n    rating: Mostly true\n    links:\n      claimant: Ann Lee\n/);
    const back = parseSidecar(written, 'a.txt');
    assert.deepEqual([back.sidecar!.annotations[0], back.warnings], [rated, []]);
    const old = serializeSidecar({ version: 1, article: 'a.txt', contentHash: '', annotations: [base] });
    assert.doesNotMatch(old, /rating|claimant/);
    assert.deepEqual(parseSidecar(old, 'a.txt').sidecar!.annotations[0], base);
  });

  it('a rating that is not text is reported, read as absent and kept as written', () => {
    const source = serializeSidecar({ version: 1, article: 'a.txt', contentHash: '', annotations: [base] }).replace('    author: r', '    rating: [False]\n    author: r');
    const parsed = parseSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar!.annotations[0].rating, undefined);
    assert.match(parsed.warnings[0].message, /`rating` should be text, not a list/);
  });
});
