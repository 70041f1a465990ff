import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { markGenders } from '../../src/core/entities/gender';
import { articlePeople } from '../../src/core/entities/withinArticle';
import type { Mention } from '../../src/core/model';
import { shippedRecogniser } from './helpers';

// Articles written for these tests (issue 14, "gender comes from pronouns used of the person and from first-name data").

const recogniser = shippedRecogniser();

function resolved(text: string): Mention[] {
  const corpus = new Corpus({ recogniser });
  corpus.setArticle('a.txt', text);
  return corpus.resolve().articles.get('a.txt')!.mentions;
}

const person = (text: string, start: number, extra: Partial<Mention> = {}): Mention => ({ start, end: start + text.length, text, type: 'PERSON', origin: 'model', ...extra });

describe('gender within an article', () => {
  it('Bill then Hillary Clinton: the "Clinton" followed by "her" is Hillary, the one followed by "he" is Bill', () => {
    const text = [
      'Former President Bill Clinton opened the rally in Scranton on Friday. Bill Clinton spoke for twenty minutes about the mills, and Bill Clinton later shook hands with the crowd.',
      'Hillary Clinton arrived after him.',
      'A union leader gave Clinton a dose of blame for her vote on the trade deal.',
      'Later Clinton said he was proud of the town.',
    ].join('\n\n');
    const ms = resolved(text);
    const clinton = ms.filter(m => m.text === 'Clinton');
    assert.equal(clinton.length, 2, JSON.stringify(ms.map(m => m.text)));
    assert.equal(clinton[0].entityId, 'person:hillary-clinton', 'the Clinton of "her"');
    assert.equal(clinton[1].entityId, 'person:bill-clinton', 'the Clinton of "he"');
  });

  it('first-name data gives a gender only where the article says none, and never against its pronouns', () => {
    const m = [
      person('Hillary Clinton', 0, { nameGender: 'f' }), person('Bill Clinton', 30, { nameGender: 'm' }),
      person('Jordan Vale', 60, { nameGender: 'f', pronoun: 'he' }), person('Jordan Vale', 90, { nameGender: 'f', pronoun: 'he' }),
      person('Robin Ash', 120),
    ];
    const people = articlePeople(m);
    assert.equal(people.genders.get('hillary clinton'), 'f');
    assert.equal(people.genders.get('bill clinton'), 'm');
    assert.equal(people.genders.get('jordan vale'), 'm', 'the text says he');
    assert.equal(people.genders.has('robin ash'), false, 'nothing says');
  });

  it('a pronoun is read after a person only in the sentence, before another name or a comma', () => {
    const text = 'Maria Ostrow said she would run. Tom Reyes thanked Ostrow, and he left. Reyes praised her work.';
    const ms = [person('Maria Ostrow', 0), person('Tom Reyes', 33), person('Ostrow', 51), person('Reyes', 73)];
    markGenders(text, ms, new Map([['maria', 'f'], ['tom', 'm']]));
    assert.deepEqual(ms.map(m => m.pronoun), ['she', undefined, undefined, 'she']);
    assert.deepEqual(ms.map(m => m.nameGender), ['f', 'm', undefined, undefined]);
  });

  it('the shipped model knows the gender of common first names from news', () => {
    const ms = recogniser.recognise('Hillary Clinton met Donald Trump and Bill Clinton in New York.').filter(m => m.type === 'PERSON');
    assert.deepEqual(ms.map(m => [m.text, m.nameGender]), [['Hillary Clinton', 'f'], ['Donald Trump', 'm'], ['Bill Clinton', 'm']]);
  });
});
