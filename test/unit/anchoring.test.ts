// Anchoring under edits, property-based (fast-check): what must always hold, whatever the edit.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { makeAnchor, recountLookalikes, resolveAnchor } from '../../src/core/annotations/anchor';
import { moveSpan } from '../../src/core/annotations/edits';
import type { Anchor } from '../../src/core/annotations/model';
import { runFuzz } from '../fuzz/anchoring';
import { nth, readSample, sampleFiles } from './helpers';

const articles = sampleFiles().map(readSample);

/** An annotation on a stretch whose text and context occur once in the article, and an edit well away from it. */
const scenario = fc.record({
  article: fc.integer({ min: 0, max: articles.length - 1 }),
  at: fc.integer({ min: 0, max: 1_000_000 }),
  length: fc.integer({ min: 3, max: 60 }),
  editAt: fc.integer({ min: 0, max: 1_000_000 }),
  deleted: fc.integer({ min: 0, max: 80 }),
  inserted: fc.string({ maxLength: 40 }),
});

describe('anchoring: properties under random edits', () => {
  it('an edit that leaves the annotated text and its context alone never loses or misplaces it', () => {
    fc.assert(fc.property(scenario, s => {
      const text = articles[s.article];
      const start = s.at % (text.length - s.length);
      const span = { start, end: start + s.length };
      const anchor = makeAnchor(text, span);
      fc.pre(anchor.text.trim().length > 0 && text.indexOf(anchor.prefix + anchor.text + anchor.suffix) === text.lastIndexOf(anchor.prefix + anchor.text + anchor.suffix));
      const editStart = s.editAt % text.length;
      const editEnd = Math.min(text.length, editStart + s.deleted);
      fc.pre(editEnd < span.start - anchor.prefix.length || editStart > span.end + anchor.suffix.length);
      const edited = text.slice(0, editStart) + s.inserted + text.slice(editEnd);
      const expected = moveSpan(span, { start: editStart, end: editEnd, insertedLength: s.inserted.length })!;
      const placed = resolveAnchor(edited, anchor);
      assert.ok(placed.status === 'anchored' || placed.status === 'moved' || placed.status === 'needs-review', placed.status);
      if (placed.status !== 'needs-review') assert.deepEqual(placed.span, expected);
      else assert.ok(text.split(anchor.text).length > 2, 'review only when the words occur more than once');
    }), { numRuns: 300, seed: 7 });
  });

  it('deleting the annotated text with its context orphans it or asks for review; it is never dropped', () => {
    fc.assert(fc.property(scenario, s => {
      const text = articles[s.article];
      const start = s.at % (text.length - s.length);
      const anchor = makeAnchor(text, { start, end: start + s.length });
      fc.pre(anchor.text.trim().length >= 8 && text.split(anchor.text).length === 2);
      const edited = text.slice(0, Math.max(0, start - 40)) + s.inserted + text.slice(start + s.length + 40);
      fc.pre(!edited.includes(anchor.text));
      const placed = resolveAnchor(edited, anchor);
      assert.ok(placed.status === 'orphaned' || placed.status === 'needs-review', `${placed.status} for ${JSON.stringify(anchor.text)}`);
    }), { numRuns: 300, seed: 11 });
  });

  it('an anchor written by hand, without context, is found by its text once near its offsets', () => {
    const text = readSample('the-diplomat-trump-kim-second-summit-hanoi.txt');
    const at = text.indexOf('Seoul');
    assert.equal(text.split('Seoul').length, 2, 'test setup: the name occurs once');
    assert.deepEqual(resolveAnchor(text, { text: 'Seoul', prefix: '', suffix: '', start: at + 3, end: at + 8 }), { status: 'moved', span: { start: at, end: at + 5 } });
    const far = 0;
    assert.equal(resolveAnchor(text, { text: 'Seoul', prefix: '', suffix: '', start: far, end: far + 5 }).status, 'needs-review', 'far from its offsets: asked, not guessed');
  });

  it('anchored means at both stored offsets: an anchor whose `end` does not fit its text (written by hand, beyond the article) is moved, not anchored', () => {
    const text = 'Donald Trump met Kim Jong Un in Hanoi.\n';
    const anchor = makeAnchor(text, { start: 32, end: 37 });
    assert.deepEqual(resolveAnchor(text, anchor), { status: 'anchored', span: { start: 32, end: 37 } });
    assert.deepEqual(resolveAnchor(text, { ...anchor, end: 5000 }), { status: 'moved', span: { start: 32, end: 37 } });
  });

  it('its text once, still at its old offsets, with words edited on both sides of its context → anchored', () => {
    const text = 'Hanoi - North Korean leader Kim Jong Un arrived on Wednesday by train after a 60-hour journey.\n';
    const at = nth(text, 'Kim Jong Un');
    const anchor = makeAnchor(text, { start: at, end: at + 11 });
    const edited = text.replace('North Korean leader', 'North Korea’s ruler').replace('arrived on Wednesday', 'came in on Tuesday');
    assert.equal(edited.indexOf('Kim Jong Un'), at, 'test setup: still at its old offsets');
    assert.deepEqual(resolveAnchor(edited, anchor), { status: 'anchored', span: { start: at, end: at + 11 } });
    const un = makeAnchor(text, { start: at + 9, end: at + 11 }); // "Un", short text with both sides of its context edited
    assert.deepEqual(resolveAnchor(edited.replace('Jong Un arrived', 'Jong Un reached'), un).status, 'anchored');
  });

  it('counting look-alikes again for an anchor that describes the text gives what makeAnchor gives', () => {
    fc.assert(fc.property(scenario, s => {
      const text = articles[s.article];
      const start = s.at % (text.length - s.length);
      const made = makeAnchor(text, { start, end: start + s.length });
      const { repeats: _r, repeatContext: _c, ...bare } = made;
      const annotation = { id: 'a', kind: 'note' as const, links: {}, author: '', created: '', updated: '', anchor: bare };
      assert.deepEqual(recountLookalikes(text, [annotation])[0].anchor, made);
      assert.equal(recountLookalikes(text, [{ ...annotation, anchor: made }])[0].anchor, made, 'already counted: the same object');
    }), { numRuns: 300, seed: 5 });
  });

  it('a fuzz of 1,000 random edits loses no annotation through the sidecar round trip, and misplaces none', () => {
    const f = runFuzz(articles, { cases: 50, editsPerCase: 20, seed: 3 });
    assert.equal(f.edits, 1000);
    assert.equal(f.lost, 0);
    assert.deepEqual([f.survivedWrong, f.changedWrong], [0, 0]);
    assert.equal(f.survived + f.changed, f.annotations);
    assert.ok(f.survivedExact > 0 && f.statuses.orphaned + f.statuses['needs-review'] > 0, 'both outcomes occur: the fuzz exercises them');
  });
});

describe('anchoring: look-alikes (the same text, with much of the same context, elsewhere in the article)', () => {
  // a photo caption repeats a sentence of the story, with a credit; the annotation is on the story's sentence
  const SENTENCE = 'The new bridge opened on Monday.';
  const CAPTION = `Photo: ${SENTENCE} (City of Elm River)`;
  const STORY = `Residents gathered early. ${SENTENCE} Cars crossed within minutes, and the old ferry made its last trip at noon.`;
  const ARTICLE = `Elm River Gets Its Bridge\n\n${CAPTION}\n\n${STORY}\n`;
  const at = (text: string, needle: string, k = 0) => ({ start: nth(text, needle, k), end: nth(text, needle, k) + needle.length });
  const opened = makeAnchor(ARTICLE, at(ARTICLE, 'bridge opened on Monday', 1));
  const without = ({ repeats: _r, repeatContext: _c, ...anchor }: Anchor): Anchor => anchor;

  it('makeAnchor counts the look-alikes and the context the closest shares; a unique text has no field', () => {
    // the caption shares " The new " before and ". " after: 11 of the 64 characters stored
    assert.deepEqual([opened.repeats, opened.repeatContext, opened.prefix.length + opened.suffix.length], [1, 11, 64]);
    const ferry = makeAnchor(ARTICLE, at(ARTICLE, 'the old ferry'));
    assert.ok(!('repeats' in ferry) && !('repeatContext' in ferry), JSON.stringify(ferry));
    // a name said twice in other words is no look-alike: its context does not agree
    const text = 'The mayor spoke first. Later the mayor left.';
    assert.ok(!('repeats' in makeAnchor(text, at(text, 'mayor', 1))));
  });

  it('the annotated sentence deleted, the caption still there → needs-review, not moved onto the caption', () => {
    const edited = ARTICLE.replace(STORY, STORY.replace(` ${SENTENCE}`, ''));
    const caption = at(edited, 'bridge opened on Monday');
    assert.equal(edited.split('bridge opened on Monday').length, 2, 'test setup: only the caption is left');
    assert.deepEqual(resolveAnchor(edited, opened), { status: 'needs-review', span: caption });
    assert.deepEqual(resolveAnchor(edited, without(opened)), { status: 'moved', span: caption }, 'without the count, the caption was taken for it');
  });

  it('shifted by an insertion, the caption still there → moved, onto itself; unchanged → anchored', () => {
    const edited = ARTICLE.replace('Residents gathered', 'Update, 11 a.m.: traffic is flowing again after a short closure.\n\nResidents gathered');
    assert.deepEqual(resolveAnchor(edited, opened), { status: 'moved', span: at(edited, 'bridge opened on Monday', 1) });
    assert.deepEqual(resolveAnchor(ARTICLE, opened), { status: 'anchored', span: at(ARTICLE, 'bridge opened on Monday', 1) });
    const captionGone = edited.replace(`${CAPTION}\n\n`, '');
    assert.deepEqual(resolveAnchor(captionGone, opened), { status: 'moved', span: at(captionGone, 'bridge opened on Monday') }, 'the caption deleted: still itself');
  });

  it('a unique text is placed as before', () => {
    const ferry = makeAnchor(ARTICLE, at(ARTICLE, 'the old ferry'));
    const edited = ARTICLE.replace('Residents gathered', 'Hundreds of residents gathered');
    assert.deepEqual(resolveAnchor(edited, ferry), { status: 'moved', span: at(edited, 'the old ferry') });
  });

  it('its own context edited: moved while it still shares more than the caption did, else needs-review', () => {
    const lightly = ARTICLE.replace('Residents gathered early.', 'Residents gathered at dawn.');
    assert.deepEqual(resolveAnchor(lightly, opened), { status: 'moved', span: at(lightly, 'bridge opened on Monday', 1) });
    const heavily = ARTICLE.replace('early. The new bridge opened on Monday. Cars', 'early. A new bridge opened on Monday, and cars');
    assert.equal(resolveAnchor(heavily, opened).status, 'needs-review');
  });

  it('with look-alikes, a fuzzy match is shown for review, not moved', () => {
    const edited = ARTICLE.replace(`${CAPTION}\n\n`, '').replace('bridge opened on Monday', 'bridge opened on Mondy');
    assert.equal(resolveAnchor(edited, without(opened)).status, 'moved', 'test setup: a near-identical match');
    assert.equal(resolveAnchor(edited, opened).status, 'needs-review');
  });

  describe('a caption repeating a whole long sentence: a look-alike sharing all of the stored context', () => {
    const long = 'The mayor of the small river town cuts the red ribbon as the new bridge opens to traffic on Monday morning.';
    const text = `Photo: ${long}\n\nResidents gathered early. ${long} Cars crossed within minutes.\n`;
    const story = text.indexOf('Residents');
    const ribbon = makeAnchor(text, at(text, 'red ribbon', 1));
    /** The text with `from` replaced by `to` in the story's sentence only. */
    const inStory = (from: string, to: string) => text.slice(0, story) + text.slice(story).replace(from, to);

    it('makeAnchor records that it shares all of it; unchanged → anchored', () => {
      assert.deepEqual([ribbon.repeats, ribbon.repeatContext], [1, ribbon.prefix.length + ribbon.suffix.length]);
      assert.deepEqual(resolveAnchor(text, ribbon), { status: 'anchored', span: at(text, 'red ribbon', 1) });
    });

    it('its own context edited, the caption intact → needs-review, not moved onto the caption', () => {
      const edited = 'Updated. ' + inStory('small river town', 'little town').replace(/(Residents[^]*?) as the new bridge/, '$1 as the bridge');
      assert.deepEqual(resolveAnchor(edited, without(ribbon)), { status: 'moved', span: at(edited, 'red ribbon') }, 'without the counts, the caption was taken for it');
      assert.equal(resolveAnchor(edited, ribbon).status, 'needs-review');
    });

    it('never placed elsewhere without review: shifted, or with the caption edited (it could have been the other way round)', () => {
      const shifted = 'Updated. ' + text;
      assert.deepEqual(resolveAnchor(shifted, ribbon), { status: 'needs-review', span: at(shifted, 'red ribbon', 1) });
      const captionEdited = shifted.replace('red ribbon as the new bridge', 'red ribbon as the bridge');
      assert.equal(resolveAnchor(captionEdited, ribbon).status, 'needs-review');
    });
  });
});

describe('anchoring: words moved far (a paragraph put elsewhere, words typed beside them)', () => {
  const P = [
    'The council met on Tuesday to discuss the budget for the coming year, which includes money for roads.',
    'Mayor Ines Okafor said the ferry would keep running until the bridge is finished, probably in spring.',
    'Several residents asked about parking near the new library, which opens to the public next month.',
    'The treasurer warned that reserves were running low after two wet winters and a costly flood repair.',
    'A vote on the school district boundaries was postponed until the next meeting in four weeks.',
    'Councillors also approved a grant for the harvest festival, held each October on the green.',
  ];
  const ARTICLE = P.join('\n\n');
  /** The article with the mayor's paragraph moved to the end: hundreds of characters from where it was. */
  const MOVED = [P[0], ...P.slice(2), P[1]].join('\n\n');
  const at = (text: string, needle: string, k = 0) => ({ start: nth(text, needle, k), end: nth(text, needle, k) + needle.length });

  it('its context kept on one side only (the paragraph break before it is another) → moved with the paragraph', () => {
    const mayor = makeAnchor(ARTICLE, at(ARTICLE, 'Mayor Ines Okafor'));
    assert.ok(!('repeats' in mayor), 'test setup: no look-alikes');
    assert.ok(Math.abs(nth(MOVED, 'Mayor Ines Okafor') - mayor.start) > 256, 'test setup: far from where it was');
    assert.deepEqual(resolveAnchor(MOVED, mayor), { status: 'moved', span: at(MOVED, 'Mayor Ines Okafor') });
  });

  it('a short word with all its context → moved, not held back by the same word near the old place without context', () => {
    const the = makeAnchor(ARTICLE, at(ARTICLE, 'the ferry'));
    const word = { ...the, text: 'the', suffix: ARTICLE.slice(the.start + 3, the.start + 3 + 32), end: the.start + 3 };
    const placed = resolveAnchor(MOVED, word);
    assert.deepEqual(placed, { status: 'moved', span: { start: nth(MOVED, 'the ferry'), end: nth(MOVED, 'the ferry') + 3 } });
    // the same word deleted with its sentence: the others have no context of theirs → never moved onto one
    const gone = MOVED.replace('Mayor Ines Okafor said the ferry would keep running until the bridge is finished, probably in spring.', 'The mayor did not attend.');
    assert.notEqual(resolveAnchor(gone, word).status, 'moved');
  });

  it('words typed right after it (a name given an age) → moved onto the same words, not onto the longer stretch', () => {
    const mayor = makeAnchor(ARTICLE, at(ARTICLE, 'Mayor Ines Okafor'));
    const edited = 'Updated. ' + ARTICLE.replace('Mayor Ines Okafor said', 'Mayor Ines Okafor, 52, said');
    assert.deepEqual(resolveAnchor(edited, mayor), { status: 'moved', span: at(edited, 'Mayor Ines Okafor') });
    // rewritten in place: the stretch between its context, for review
    const rewritten = 'Updated. ' + ARTICLE.replace('Mayor Ines Okafor said', 'Deputy mayor Tom Reyes said');
    assert.deepEqual(resolveAnchor(rewritten, mayor), { status: 'needs-review', span: at(rewritten, 'Deputy mayor Tom Reyes') });
  });

  it('with look-alikes, moved far only while it shares clearly more context than the closest did', () => {
    const caption = `Photo: Mayor Ines Okafor said the ferry would keep running (file)\n\n`;
    const text = caption + ARTICLE;
    const mayor = makeAnchor(text, at(text, 'Ines Okafor', 1));
    assert.deepEqual([mayor.repeats, mayor.repeatContext], [1, 'Mayor '.length + 32], 'test setup: the caption shares this much');
    // shifted, its context intact (64 characters agree, the caption's 38) → moved
    const shifted = 'Updated. ' + text;
    assert.deepEqual(resolveAnchor(shifted, mayor), { status: 'moved', span: at(shifted, 'Ines Okafor', 1) });
    // its paragraph moved to the end: the paragraph break before it is another one, and 41 characters agree,
    // barely more than the caption's 38 → asked
    const moved = caption + MOVED;
    assert.deepEqual(resolveAnchor(moved, mayor), { status: 'needs-review', span: at(moved, 'Ines Okafor', 1) });
    // and the words after the name edited: it shares less than the caption → asked
    const edited = caption + MOVED.replace('Okafor said the ferry', 'Okafor said that the ferry');
    assert.equal(resolveAnchor(edited, mayor).status, 'needs-review');
  });
});
