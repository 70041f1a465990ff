import * as assert from 'node:assert/strict';
import type { Mention } from '../../src/core/model';
import { shippedRecogniser } from './helpers';

// Articles written for these tests (issue 14, "the recogniser on text unlike CoNLL"), read by the shipped model.
const recogniser = shippedRecogniser();
const named = (text: string): Mention[] => recogniser.recognise(text).filter(m => m.type !== 'DATE');

describe('entity recogniser on news unlike CoNLL', () => {
  it('an organisation keeps the words of its name that also title people ("State Department", "Supreme Court"), not its article', () => {
    const text = 'The State Department said on Monday that it had received the letter. A Justice Department lawyer told the Supreme Court that the National Rifle Association had not been asked.\n';
    const orgs = named(text).filter(m => m.type === 'ORG').map(m => m.text);
    for (const name of ['State Department', 'Justice Department', 'Supreme Court', 'National Rifle Association']) assert.ok(orgs.includes(name), `${name} in ${JSON.stringify(orgs)}`);
    assert.ok(!orgs.some(o => /^The\b/.test(o) || o === 'Department' || o === 'Court'), JSON.stringify(orgs));
  });

  it('a title-case headline is no run of names: no span of its common words, no "Has" or "Win" person', () => {
    const headline = 'Michael Moore Has A Plan To Win Back Voters Who Left The Party';
    const text = `${headline}\n\nThe filmmaker Michael Moore said on Monday that he would tour Michigan before the vote. Moore spoke in Flint.`;
    const inHeadline = named(text).filter(m => m.end <= headline.length);
    for (const m of inHeadline) assert.ok(!/\b(Has|Plan|Win|Back|Voters|Who|Left|Party)\b/.test(m.text), `headline span ${JSON.stringify(m.text)} (${m.type})`);
    assert.deepEqual(inHeadline.filter(m => m.type === 'PERSON').map(m => m.text), ['Michael Moore']);
  });

  it('a title-case headline ending in a full stop is read as a headline too', () => {
    const headline = 'Senator Says Budget Deal Was Rushed Through Without A Vote.';
    const text = `${headline}\n\nSen. Jane Holloway said the budget deal had been rushed. Holloway wants a new vote.`;
    const spans = named(text).filter(m => m.end <= headline.length);
    assert.ok(!spans.some(m => /Budget|Deal|Rushed|Vote/.test(m.text)), JSON.stringify(spans.map(m => m.text)));
  });

  it('an all-caps headline and byline make no organisation, and no span of the headline’s common words', () => {
    const text = 'SENATOR HAS A PLAN TO WIN BACK OHIO VOTERS\n\nBy JANE DOE\n\nCOLUMBUS — Sen. Maria Ostrow said on Monday that she would tour Ohio.';
    const spans = named(text).filter(m => m.end <= text.indexOf('COLUMBUS'));
    assert.ok(!spans.some(m => m.type === 'ORG' || /\b(HAS|PLAN|WIN|BACK|VOTERS)\b/.test(m.text)), JSON.stringify(spans.map(m => [m.text, m.type])));
  });

  it('Wells Fargo and Penn State are organisations, and "Wells" alone is the bank', () => {
    const text = [
      'Wells Fargo Chief Executive John Stumpf told senators on Tuesday that the bank regretted the accounts. Wells Fargo fired 5,300 employees, and Wells said it would repay its customers.',
      'At the same hearing, Penn State coach James Franklin was asked about the program. Penn State has not commented.',
    ].join('\n\n');
    const ms = named(text);
    const typeOf = (name: string) => ms.filter(m => m.text === name).map(m => m.type);
    assert.deepEqual(typeOf('Wells Fargo'), ['ORG', 'ORG']);
    assert.deepEqual(typeOf('Wells'), ['ORG']);
    assert.ok(typeOf('Penn State').length >= 1 && typeOf('Penn State').every(t => t === 'ORG'), JSON.stringify(ms.map(m => [m.text, m.type])));
    assert.deepEqual(ms.filter(m => m.type === 'PERSON').map(m => m.text), ['John Stumpf', 'James Franklin']);
  });

  it('an interjection and a sentence adverb opening a sentence are never people', () => {
    const text = 'Hey, that is not how any of this works, a voter in Dayton told the rally. Additionally, the campaign of Maria Ostrow said it had raised money. Meanwhile, Ostrow left for Ohio.';
    const ms = named(text);
    assert.ok(!ms.some(m => /^(Hey|Additionally|Meanwhile)$/.test(m.text)), JSON.stringify(ms.map(m => [m.text, m.type])));
    assert.deepEqual(ms.filter(m => m.type === 'PERSON').map(m => m.text), ['Maria Ostrow', 'Ostrow']);
  });

  it('a family name opening a sentence stays a name when the article names the person in full', () => {
    const text = 'Prime Minister Theresa May met the cabinet. May, who spoke first, asked for calm.';
    assert.deepEqual(named(text).filter(m => m.type === 'PERSON').map(m => m.text), ['Theresa May', 'May']);
  });
  it('a sentence adverb too rare for the lexicon is no person ("Interestingly,", "Curiously,"), and a name ending in "ly" stays a name', () => {
    const text = 'Interestingly, the committee met again on Tuesday. Curiously, no one from the governor\'s office came.\n\nShelly Barnes, a nurse in Dayton, said the clinic would stay open. Barnes spoke to reporters. Shelly, she said, would not leave.\n';
    const people = named(text).filter(m => m.type === 'PERSON').map(m => m.text);
    assert.ok(!people.includes('Interestingly') && !people.includes('Curiously'), JSON.stringify(people));
    assert.ok(people.includes('Shelly Barnes'), JSON.stringify(people));
  });
});
