import * as assert from 'node:assert/strict';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { Annotation } from '../../src/core/annotations/model';
import { Corpus } from '../../src/core/corpus';
import { normaliseDates } from '../../src/core/dates';
import { findEvents, type StoryEvent } from '../../src/core/events';
import { findTriggers } from '../../src/core/events/extract';
import { compatibleDates } from '../../src/core/events/dates';
import type { EventItem } from '../../src/core/events/group';
import { eventLabel } from '../../src/core/events/label';
import { ruleRecogniser } from '../../src/core/ner';

// Synthetic articles (people made up for the tests), not the sample corpus.
const A = 'President Maria Silva met Prime Minister John Becker in Lisbon on March 3, 2019, for talks on trade.';
const B = 'Maria Silva and John Becker held a summit in Lisbon on March 3, 2019. It ended without a deal.';
const C = 'Maria Silva arrived in Berlin on June 12, 2017, before the elections.';
const D = 'Maria Silva and John Becker met in Lisbon in March 2019, officials said.';

function corpusOf(articles: Record<string, string>, annotations: Record<string, Annotation[]> = {}): StoryEvent[] {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(articles)) corpus.setArticle(path, text, annotations[path] ?? []);
  return corpus.resolve().events;
}

const eventOf = (events: StoryEvent[], path: string, word: string, text: string) => {
  const at = text.indexOf(word);
  return events.find(e => e.mentions.some(m => m.path === path && m.start <= at && at < m.end));
};

function item(over: Partial<EventItem>): EventItem {
  return { path: 'a.txt', start: 0, end: 1, text: 'summit', noun: 'summit', kind: 'meeting', date: '', participants: [], names: [], ...over };
}

let next = 0;
function eventAnnotation(text: string, word: string, links: Annotation['links'], extra: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(word);
  return { id: `a-${++next}`, kind: 'event', links, author: 'test', created: '2024-01-01T00:00:00Z', updated: '2024-01-01T00:00:00Z', anchor: makeAnchor(text, { start, end: start + word.length }), ...extra };
}

describe('events: extraction', () => {
  it('finds a trigger with its participants, place and the date of its clause', () => {
    const events = findEvents(A, ruleRecogniser.recognise(A), normaliseDates(A, '2019-03-04'), '2019-03-04');
    const met = events.find(e => e.text === 'met')!;
    assert.deepEqual([met.noun, met.date, met.dated, met.place?.text], ['meeting', '2019-03-03', 'clause', 'Lisbon']);
    assert.deepEqual(met.participants.map(p => p.text), ['Maria Silva', 'John Becker']);
  });

  it('dates the reported news by the reference date, a future or perfect clause not at all', () => {
    const text = 'Maria Silva met Lena Olsen in Berlin.\n\nBecker will visit Madrid. Becker had visited Rome.';
    const events = findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-03-04'), '2019-03-04');
    const date = (word: string) => events.find(e => e.text === word)?.date;
    assert.deepEqual([date('met'), date('visit'), date('visited')], ['2019-03-04', null, null]);
  });

  it('keeps a trigger outside the reader kinds only with a date of its own (npm run select:events chose it on TimeBank)', () => {
    const text = 'Maria Silva arrived in Berlin. John Becker arrived in Madrid on Monday.';
    const events = findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-03-06'), '2019-03-06');
    assert.deepEqual(events.filter(e => e.text === 'arrived').map(e => [e.place?.text, e.date]), [['Madrid', '2019-03-04']]);
  });

  it('a "first" meeting somewhere else than the article’s meetings is an earlier one: no reference date', () => {
    const text = 'Maria Silva met John Becker in Lisbon. The room looked like the setting of their first meeting in Madrid.';
    const events = findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-03-04'), '2019-03-04');
    const first = events.find(e => e.text === 'meeting')!;
    assert.deepEqual([first.ordinal, first.date], ['first', null]);
    assert.equal(events.find(e => e.text === 'met')?.date, '2019-03-04');
  });

  it('an "-ing" noun after a determiner or a possessive takes its ordinal: "Maria Silva’s historic first meeting"', () => {
    const text = 'The talks come months after Maria Silva’s historic first meeting in June 2018.';
    const events = findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-03-04'), '2019-03-04');
    assert.deepEqual(events.filter(e => e.text === 'meeting').map(e => [e.ordinal, e.date]), [['first', '2018-06']]);
  });

  it('a date claimed by another trigger of the sentence does not date this one', () => {
    const text = 'The summit came months after the first Silva-Becker meeting in Madrid in June 2018.';
    const events = findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-03-04'), '2019-03-04');
    assert.equal(events.find(e => e.text === 'meeting')?.date, '2018-06');
    assert.notEqual(events.find(e => e.text === 'summit')?.date, '2018-06');
  });
});

describe('events: bad input', () => {
  it('no date at all, 1066, 2999, February 30, only dates: a value or null, never a crash or a wrong calendar day', () => {
    const texts = [
      'Maria Silva met John Becker in Lisbon.',
      'In 1066 King Harold fought Duke William at Hastings. In 2999 Maria Silva will visit Paris.',
      'On February 30, 2019, Maria Silva met John Becker in Lisbon.',
      'February 27, 2019. June 2018. 1066. 2999.',
      '', 'met met met summit',
    ];
    for (const reference of ['2019-03-04', null]) for (const text of texts) {
      const events = findEvents(text, ruleRecogniser.recognise(text), reference ? normaliseDates(text, reference) : [], reference);
      for (const e of events) assert.ok(e.date === null || /^\d{3,4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4])?$/.test(e.date), `${text}: ${e.date}`);
      assert.ok(!events.some(e => e.date === '2019-03-02' || e.date === '2019-02-30'), 'February 30 is no day');
    }
  });
});

describe('events: labels', () => {
  it('two participants, ordinal and place: as a reader writes it', () => {
    const items = [
      item({ participants: ['person:a', 'person:b'], names: ['Maria Silva', 'Becker'], ordinal: 'second', place: 'place:lisbon', placeName: 'Lisbon' }),
      item({ participants: ['person:a'], names: ['Silva'], text: 'met', noun: 'meeting' }),
    ];
    assert.equal(eventLabel(items), 'Second Silva–Becker summit, Lisbon');
  });

  it('one participant is possessive, the word of kind kept; none gives the noun alone', () => {
    assert.equal(eventLabel([item({ participants: ['place:nk'], names: ['North Korea'], text: 'test', noun: 'test', kind: 'test', modifier: 'nuclear', ordinal: 'last' })]), 'North Korea’s last nuclear test');
    assert.equal(eventLabel([item({ modifier: 'social', text: 'dinner', noun: 'dinner', kind: 'dinner' })]), 'Social dinner');
  });

  it('never a sentence: the corpus labels events from their parts', () => {
    const events = corpusOf({ 'a.txt': A });
    for (const e of events) assert.ok(e.label.length < 60 && !e.label.endsWith('.'), e.label);
    // "met … for talks": one event (talks and a meeting are one kind), named by the noun the article writes
    assert.match(eventOf(events, 'a.txt', 'met', A)!.label, /^Maria Silva–John Becker talks, Lisbon$/);
    assert.equal(events.length, 1);
  });
});

describe('events: grouping across articles', () => {
  it('compatible dates: the next day, a day within its month; not a day a month away', () => {
    assert.ok(compatibleDates('2019-03-03', '2019-03-04'));
    assert.ok(compatibleDates('2019-03-03', '2019-03'));
    assert.ok(compatibleDates('2018', '2018-06'));
    assert.ok(!compatibleDates('2019-03-03', '2019-04-03'));
    assert.ok(!compatibleDates('2019-03-03', '2019-03-10'));
  });

  it('the same meeting told by three outlets is one event; another event stays apart', () => {
    const events = corpusOf({ 'a.txt': A, 'b.txt': B, 'c.txt': C, 'd.txt': D });
    const meeting = eventOf(events, 'a.txt', 'met', A)!;
    assert.equal(eventOf(events, 'b.txt', 'summit', B)?.eventId, meeting.eventId, 'summit and meeting are one kind');
    assert.equal(eventOf(events, 'd.txt', 'met', D)?.eventId, meeting.eventId, 'March 2019 holds March 3');
    assert.deepEqual(meeting.sources, ['a.txt', 'b.txt', 'd.txt']);
    assert.equal(meeting.date, '2019-03-03');
    assert.notEqual(eventOf(events, 'c.txt', 'arrived', C)?.eventId, meeting.eventId);
  });

  it('"the dinner" naming others is the dinner its article told; an undated "first summit" joins only the first', () => {
    const E = 'Maria Silva and John Becker had a dinner in Lisbon on March 3, 2019. Silva was joined at the dinner by Ana Costa and Rui Lopes.';
    const F = 'Maria Silva and John Becker held their first summit in Lisbon in June 2018. They met again in Lisbon on March 3, 2019.';
    const G = 'Maria Silva will build on the first summit with John Becker.';
    const events = corpusOf({ 'e.txt': E, 'f.txt': F, 'g.txt': G });
    const dinners = events.filter(e => e.mentions.some(m => m.text === 'dinner'));
    assert.equal(dinners.length, 1, dinners.map(e => e.label).join(' / '));
    assert.equal(dinners[0].mentions.length, 2);
    const first = eventOf(events, 'f.txt', 'summit', F)!;
    assert.equal(first.date, '2018-06');
    assert.equal(eventOf(events, 'g.txt', 'summit', G)?.eventId, first.eventId, 'the undated first summit is the first one');
    assert.notEqual(eventOf(events, 'f.txt', 'met', F)?.eventId, first.eventId);
  });

  it('ids do not depend on the order the articles come in', () => {
    const one = corpusOf({ 'a.txt': A, 'b.txt': B, 'c.txt': C, 'd.txt': D });
    const two = corpusOf({ 'd.txt': D, 'c.txt': C, 'b.txt': B, 'a.txt': A });
    const ids = (es: StoryEvent[]) => es.map(e => `${e.eventId} ${e.mentions.map(m => `${m.path}:${m.start}`).sort().join(',')}`).sort();
    assert.deepEqual(ids(two), ids(one));
  });

  it('an article removed takes its mentions out, and an edit regroups only what changed', () => {
    const corpus = new Corpus();
    corpus.setArticle('a.txt', A);
    corpus.setArticle('b.txt', B);
    const before = corpus.resolve().events;
    corpus.setArticle('b.txt', B + ' Reporters waited outside.');
    corpus.resolve();
    assert.equal(corpus.lastChanges().events, false, 'no event mention moved');
    corpus.removeArticle('b.txt');
    const after = corpus.resolve().events;
    assert.ok(corpus.lastChanges().events);
    assert.ok(after.every(e => e.mentions.every(m => m.path === 'a.txt')));
    assert.ok(before.some(e => e.mentions.some(m => m.path === 'b.txt')));
  });
});

describe('events: the user’s edits win', () => {
  const model = () => corpusOf({ 'a.txt': A, 'b.txt': B, 'c.txt': C });

  it('rename and re-date: one annotation on one mention names and dates the whole event', () => {
    const id = eventOf(model(), 'a.txt', 'met', A)!.eventId;
    const events = corpusOf({ 'a.txt': A, 'b.txt': B, 'c.txt': C }, { 'a.txt': [eventAnnotation(A, 'met', { eventId: id }, { label: 'Abuja trade summit', date: '2019-03-04' })] });
    const e = eventOf(events, 'b.txt', 'summit', B)!;
    assert.deepEqual([e.eventId, e.label, e.date, e.origin], [id, 'Abuja trade summit', '2019-03-04', 'user']);
  });

  it('merge: the same eventId on a mention of each event makes them one', () => {
    const events0 = model();
    const meeting = eventOf(events0, 'a.txt', 'met', A)!.eventId;
    const events = corpusOf({ 'a.txt': A, 'b.txt': B, 'c.txt': C }, { 'c.txt': [eventAnnotation(C, 'arrived', { eventId: meeting })] });
    assert.equal(eventOf(events, 'c.txt', 'arrived', C)?.eventId, meeting);
    assert.equal(eventOf(events, 'b.txt', 'summit', B)?.eventId, meeting);
  });

  it('split: a mention pinned to a new event leaves, the rest stays', () => {
    const id = eventOf(model(), 'a.txt', 'met', A)!.eventId;
    const events = corpusOf({ 'a.txt': A, 'b.txt': B, 'c.txt': C }, {
      'a.txt': [eventAnnotation(A, 'met', { eventId: id })],
      'b.txt': [eventAnnotation(B, 'summit', { eventId: 'event:user:split' }, { label: 'Abuja summit' })],
    });
    assert.equal(eventOf(events, 'b.txt', 'summit', B)?.label, 'Abuja summit');
    assert.equal(eventOf(events, 'b.txt', 'summit', B)?.eventId, 'event:user:split');
    assert.equal(eventOf(events, 'a.txt', 'met', A)?.eventId, id);
  });

  it('split of the first mention of three: the mentions not pinned stay with the event they were in', () => {
    const id = eventOf(corpusOf({ 'a.txt': A, 'b.txt': B, 'd.txt': D }), 'a.txt', 'met', A)!.eventId;
    const events = corpusOf({ 'a.txt': A, 'b.txt': B, 'd.txt': D }, {
      'a.txt': [eventAnnotation(A, 'met', { eventId: 'event:user:split' }, { label: 'Lisbon talks' })],
      'b.txt': [eventAnnotation(B, 'summit', { eventId: id })],
    });
    assert.equal(eventOf(events, 'a.txt', 'met', A)?.eventId, 'event:user:split');
    assert.equal(eventOf(events, 'b.txt', 'summit', B)?.eventId, id);
    assert.equal(eventOf(events, 'd.txt', 'met', D)?.eventId, id, 'the unpinned mention stays');
  });

  it('"Mark as Event…" on text the model found nothing in is an event of its own', () => {
    const text = 'Maria Silva smiled at the cameras in Lisbon.';
    const events = corpusOf({ 'e.txt': text }, { 'e.txt': [eventAnnotation(text, 'smiled at the cameras', {}, { label: 'Photo call', date: '2019-03-03' })] });
    const e = eventOf(events, 'e.txt', 'smiled', text)!;
    assert.deepEqual([e.label, e.date, e.origin], ['Photo call', '2019-03-03', 'user']);
  });
});

describe('events: "shake hands" is a handshake, and only the verb "shake" makes one', () => {
  it('shook hands, shaking hands: a handshake; a word that merely comes before "hands" is none', () => {
    const kinds = (text: string) => findTriggers(text).map(t => `${t.form}:${t.entry.kind}`);
    assert.deepEqual(kinds('The two leaders shook hands in Hanoi.').filter(k => k.endsWith(':handshake')), ['shook:handshake']);
    assert.deepEqual(kinds('They were shaking hands when reporters arrived.').filter(k => k.endsWith(':handshake')), ['shaking:handshake']);
    // a word JavaScript objects know ("constructor") was once taken for a form of "shake"
    assert.deepEqual(kinds('The constructor hands over the keys. Its tostring hands nothing.').filter(k => k.endsWith(':handshake')), []);
  });
});
