import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { normaliseDates } from '../../src/core/dates';
import { findEvents } from '../../src/core/events';
import { groupKind, type EventItem } from '../../src/core/events/group';
import { lastTwoLeaders, leadersOf, sameCountry } from '../../src/core/events/leaders';
import { ruleRecogniser } from '../../src/core/ner';

// Short texts written for these tests (people made up), not from any corpus.
const PUBLISHED = '2019-03-06';
const eventsOf = (text: string) => findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, PUBLISHED), PUBLISHED);
const words = (text: string) => eventsOf(text).map(e => e.text);

describe('events: the reading a trigger has in its sentence', () => {
  it('a time right after a reporting verb dates the saying, not the event it asks about', () => {
    assert.ok(!words('When asked Monday if she had walked back the plan, Maria Silva said no.').includes('walked'));
  });

  it('a date of another clause is no date of a trigger told in the future ("will build on the accord signed in May")', () => {
    const events = eventsOf('The summit will build on the accord signed in May 2018, officials in Lisbon said.');
    assert.ok(!events.some(e => e.text === 'build'));
    assert.notEqual(events.find(e => e.text === 'summit')?.date, '2018-05');
  });

  it('a bare noun before a plural noun is its modifier ("discuss concrete steps"), not an event', () => {
    assert.ok(!words('Maria Silva and John Becker met on Monday to discuss concrete steps for trade.').includes('concrete'));
  });

  it('negated events are left out ("would not conduct tests"), the announcement stays', () => {
    const found = words('In April last year, Maria Silva announced that the navy would not conduct tests of new missiles.');
    assert.ok(found.includes('announced'));
    assert.ok(!found.includes('conduct') && !found.includes('tests'));
    // a definite noun is presupposed: her staying away leaves the debate held
    assert.ok(words('Maria Silva will not be attending the debate in Lisbon on Monday.').includes('debate'));
  });

  it('"struck an upbeat note" or "struck a deal" is no strike; dock workers striking is one', () => {
    assert.ok(!eventsOf('Maria Silva struck an upbeat note at the opening of the talks in Lisbon on Monday.').some(e => e.kind === 'strike'));
    assert.ok(!eventsOf('Maria Silva and John Becker struck a deal in Lisbon on Monday.').some(e => e.kind === 'strike'));
    assert.ok(eventsOf('Dock workers struck in Lisbon on Monday over pay.').some(e => e.kind === 'strike'));
  });

  it('a name that qualifies another noun takes no part ("talks over Portugal’s fishing quota", "the Lisbon declaration")', () => {
    const talks = eventsOf('Talks over Portugal’s fishing quota took place in Madrid on Monday.').find(e => e.text === 'Talks');
    assert.ok(talks && !talks.participants.some(p => p.text === 'Portugal'));
    const meeting = eventsOf('Maria Silva said the meeting on Monday followed the Lisbon declaration.').find(e => e.text === 'meeting');
    assert.ok(meeting && !meeting.participants.some(p => p.text === 'Lisbon'));
  });
});

describe('events: leaders the article names', () => {
  const TEXT = 'Brazilian President Maria Silva and Spanish Prime Minister John Becker met in Lisbon on Monday.\n\nThe two leaders had dinner on Monday. Becker said his talks with the Brazilian president on Monday were useful.';

  it('reads who leads which country from the titles, and a country’s adjective is the country', () => {
    const leaders = leadersOf(TEXT, ruleRecogniser.recognise(TEXT));
    assert.deepEqual(leaders.map(l => [l.country, l.person.text]), [['Brazilian', 'Maria Silva'], ['Spanish', 'John Becker']]);
    assert.ok(sameCountry('Portugal', 'Portuguese') === false); // too far apart to be told by spelling: the article's own words are used
    assert.ok(sameCountry('North Korea', 'North Korean') && sameCountry('Vietnam', 'Vietnamese') && sameCountry('U.S.', 'US'));
  });

  it('"the two leaders" are the last two leaders named; "the Brazilian president" is Silva', () => {
    const events = eventsOf(TEXT);
    assert.deepEqual(events.find(e => e.text === 'dinner')?.participants.map(p => p.text), ['Maria Silva', 'John Becker']);
    assert.deepEqual(events.find(e => e.text === 'talks')?.participants.map(p => p.text).sort(), ['Becker', 'Maria Silva']);
    const mentions = ruleRecogniser.recognise(TEXT);
    assert.equal(lastTwoLeaders(leadersOf(TEXT, mentions), mentions, 0).length, 0); // nobody named yet
  });

  it('the leader named by country groups with the event naming the person, across articles', () => {
    const b = 'LISBON, March 6, 2019 -- Brazilian President Maria Silva met John Becker on Wednesday.\n\nBecker said he hoped the talks with the Brazilian president would equal their first summit.';
    // "their first summit" takes the people of the clause before it: Becker and the Brazilian president, Silva
    assert.deepEqual(eventsOf(b).find(e => e.text === 'summit')?.participants.map(p => p.text).sort(), ['Becker', 'Maria Silva']);
    const corpus = new Corpus();
    corpus.setArticle('a.txt', 'Maria Silva and John Becker held their first summit in Lisbon on June 12, 2018.', []);
    corpus.setArticle('b.txt', b, []);
    const first = corpus.resolve().events.find(e => e.mentions.some(m => m.path === 'a.txt' && e.trigger === 'summit'));
    assert.ok(first?.mentions.some(m => m.path === 'b.txt'), JSON.stringify(first));
  });
});

describe('events: a country and its leader group together', () => {
  const item = (over: Partial<EventItem>): EventItem => ({ path: 'a.txt', start: 0, end: 6, text: 'summit', noun: 'summit', kind: 'meeting', date: '', participants: [], names: [], ...over });

  it('a country taking part carries the person the article names as its leader', () => {
    const text = 'Brazilian President Maria Silva met John Becker on Monday.\n\nBrazil signed the accord on Monday.';
    const signed = eventsOf(text).find(e => e.text === 'signed');
    assert.deepEqual(signed?.participants.map(p => [p.text, p.leader?.text]), [['Brazil', 'Maria Silva']]);
  });

  it('"the Brazil–Spain summit" joins "the Silva–Becker summit" when the articles say who leads which country', () => {
    const people = item({ path: 'a.txt', date: '2018-06-12', participants: ['person:maria-silva', 'person:john-becker'] });
    const countries = item({ path: 'b.txt', date: '2018-06', participants: ['place:brazil', 'place:spain'], leaders: { 'place:brazil': 'person:maria-silva', 'place:spain': 'person:john-becker' } });
    assert.equal(groupKind([people, countries]).length, 1);
    // nobody said who leads them: two events
    assert.equal(groupKind([people, { ...countries, leaders: undefined }]).length, 2);
  });
});
