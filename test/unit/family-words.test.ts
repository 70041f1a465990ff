import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modelRecogniser, parseModel } from '../../src/core/ner';
import { analyseArticle } from '../../src/core/analysis';
import { Corpus } from '../../src/core/corpus';
import { candidatesOf, familyCandidates, familyWords, mayBeFamilyName } from '../../src/core/entities/familyWords';

// An article's family words are found with its analysis (off the main thread) and the corpus finds where its
// family names stand from them alone: that must be exactly what reading the whole text for candidates gives.

const PIECES = ['Smith', 'Ocasio-Cortez', 'McDonald', 'has', 'Has', 'the', 'Kim', "Kim's", '(Trump)', 'U.S.', 'Trump.', 'Moon-Jae', 'Cuban-born', '-born', '-borne', '—', ' ', ' ', '\n', ', ', '.', '-', 'É', 'Élysée', '😀', 'Xi', 'A', 'x'];

describe('family words', () => {
  it('the candidates of some names are the candidates of the whole text that carry those names, in the same order', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.func(fc.boolean()), (pieces, pick) => {
      const text = pieces.join('');
      const all = familyCandidates(text);
      const names = [...new Set(all.map(c => text.slice(c.start, c.end)))].filter(n => pick(n));
      const wanted = new Set(names);
      assert.deepEqual(candidatesOf(text, names), all.filter(c => wanted.has(text.slice(c.start, c.end))));
    }), { numRuns: 500 });
  });

  it('are the different candidates a family name may be, lowercase words and common words left out', () => {
    const words = familyWords('Larry Smith has said so. Smith Has a plan, said Smith (Reuters).');
    assert.deepEqual(words, words.filter(mayBeFamilyName));
    assert.ok(words.includes('Smith') && words.includes('Larry') && words.includes('Reuters'));
    assert.ok(!words.includes('has') && !words.includes('Has') && !words.includes('said'));
    assert.equal(new Set(words).size, words.length);
  });

  it('a name before "-born" is a place or a nationality, never a family name; one before "-led" may be', () => {
    const words = familyWords('His father, a Cuban-born minister, backed the Trump-led party; the Cuban-borne goods too.');
    assert.ok(words.includes('Trump'), words.join(', '));
    assert.ok(words.includes('Cuban'), 'before "-borne" it may be a name');
    assert.deepEqual(candidatesOf('a Cuban-born minister', ['Cuban']), []);
    const corpus = new Corpus({ recogniser: modelRecogniser(parseModel(new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../media/ner-model.bin'))))) });
    corpus.setArticle('a.txt', 'Dallas Mavericks owner Mark Cuban spoke on Monday. Cuban said the deal was good.');
    corpus.setArticle('b.txt', 'His father, a Cuban-born minister, spoke in Iowa on Tuesday.');
    const view = corpus.resolve();
    assert.ok(view.articles.get('a.txt')!.mentions.some(m => m.text === 'Cuban' && m.type === 'PERSON'), 'Cuban is a family name in the corpus');
    assert.ok(!view.articles.get('b.txt')!.mentions.some(m => m.text === 'Cuban'), JSON.stringify(view.articles.get('b.txt')!.mentions.map(m => m.text)));
  });

  it('a corpus resolves the same whether the analyses bring the family words or not', () => {
    // the rules find only Hanoi in the second: its Trump and Kim are family names the corpus knows from the first
    const texts = ['Donald Trump met Kim Jong Un.', 'Officials said that Trump left Hanoi, and Kim stayed.', 'Kim Yo Jong, his sister, was not named; Trump was.'];
    const resolve = (withWords: boolean) => {
      const corpus = new Corpus();
      texts.forEach((text, i) => {
        const analysis = analyseArticle(text);
        if (!withWords) delete analysis.familyWords;
        corpus.primeAnalysis(analysis);
        corpus.setArticle(`a${i}.txt`, text, []);
      });
      const view = corpus.resolve();
      return [...view.articles.values()].map(a => a.mentions);
    };
    const withWords = resolve(true);
    assert.ok(withWords[1].some(m => m.text === 'Trump' && m.type === 'PERSON'));
    assert.deepEqual(withWords, resolve(false));
  });
});
