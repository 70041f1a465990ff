import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { viterbi } from '../../src/core/ner/tagger/decode';
import { contextFeatures, documentFeatures, emptyLexicon, sentenceFeatures, shape, wordFeatures } from '../../src/core/ner/tagger/features';
import { allowed, fromIob, LABELS, labelIndex, spansOf } from '../../src/core/ner/tagger/labels';
import { featureHash, parseModel, remember, serializeModel } from '../../src/core/ner/tagger/model';
import { taggerTokens } from '../../src/core/ner/tagger/tokens';
import { modelRecogniser } from '../../src/core/ner';

const MODEL = path.join(__dirname, '../../../media/ner-model.bin');
const L = LABELS.length;

describe('entity tagger: labels and decoding', () => {
  it('converts IOB2 to BILOU and back to spans', () => {
    const labels = fromIob(['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'I-ORG']);
    assert.deepEqual(labels.map(l => LABELS[l]), ['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG']);
    assert.deepEqual(spansOf(labels), [{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }, { start: 5, end: 8, type: 'ORG' }]);
  });

  it('forbids impossible transitions', () => {
    assert.equal(allowed(labelIndex.get('O')!, labelIndex.get('I-PER')!), false);
    assert.equal(allowed(labelIndex.get('B-ORG')!, labelIndex.get('L-LOC')!), false);
    assert.equal(allowed(labelIndex.get('B-ORG')!, labelIndex.get('L-ORG')!), true);
    assert.equal(allowed(labelIndex.get('B-ORG')!, -1), false);
  });

  it('Viterbi never outputs a forbidden sequence, even when emissions prefer one', () => {
    const n = 3;
    const e = new Float32Array(n * L);
    e[0 * L + labelIndex.get('I-PER')!] = 10; // an impossible start
    e[1 * L + labelIndex.get('L-LOC')!] = 10;
    e[2 * L + labelIndex.get('O')!] = 1;
    const labels = viterbi(e, n, new Float32Array((L + 1) * (L + 1)));
    for (let i = 0; i <= n; i++) assert.ok(allowed(i === 0 ? -1 : labels[i - 1], i === n ? -1 : labels[i]), labels.map(l => LABELS[l]).join(' '));
  });

  it('splits the possessive and n’t off as the training data does', () => {
    assert.deepEqual(taggerTokens('Trump’s team didn’t go').map(t => t.text), ['Trump', '’s', 'team', 'did', 'n’t', 'go']);
  });

  it('word shapes', () => {
    assert.equal(shape('Trump'), 'Xx');
    assert.equal(shape('U.S.'), 'X.X.');
    assert.equal(shape('1996-08-22'), '0-0-0');
    assert.equal(shape('Jae-in'), 'Xx-x');
  });
});

describe('entity tagger: the model file', () => {
  it('round-trips through serialize and parse, also from a view into a larger buffer', () => {
    const lexicon = emptyLexicon();
    lexicon.gazetteer.set('new york', ['LOC.city']);
    lexicon.maxPhrase = 2;
    lexicon.lowercase.add('the');
    const feature = sentenceFeatures(['Obama'], lexicon)[0].find(f => f.startsWith('w:'))!;
    const weights = new Int8Array(L);
    weights[labelIndex.get('U-PER')!] = 100;
    const bytes = serializeModel({ hashes: Uint32Array.of(featureHash(feature)), weights, scale: 0.5, transitions: new Float32Array((L + 1) * (L + 1)), lexicon, info: { test: true } });
    const padded = new Uint8Array(bytes.length + 13);
    padded.set(bytes, 7);
    const model = parseModel(padded.subarray(7, 7 + bytes.length));
    assert.deepEqual(model.lexicon.gazetteer.get('new york'), ['LOC.city']);
    assert.ok(model.lexicon.lowercase.has('the'));
    assert.deepEqual(model.tagDocument([['Obama', 'spoke']])[0].map(l => LABELS[l]), ['U-PER', 'O']);
  });

  it('refuses a file that is not a model', () => {
    assert.throws(() => parseModel(new TextEncoder().encode('version: 1\n')), /not a Source Annotator entity model/);
  });
});

describe('entity tagger: the shipped model', () => {
  const model = parseModel(new Uint8Array(fs.readFileSync(MODEL)));
  const recogniser = modelRecogniser(model);
  const people = (text: string) => recogniser.recognise(text).filter(m => m.type === 'PERSON').map(m => m.text);

  it('finds people, places and organisations in a news sentence', () => {
    const found = recogniser.recognise('German Chancellor Angela Merkel met officials of the European Commission in Brussels on Monday.');
    const by = (type: string) => found.filter(m => m.type === type).map(m => m.text);
    assert.deepEqual(by('PERSON'), ['Angela Merkel']);
    assert.ok(by('ORG').includes('European Commission'), by('ORG').join());
    assert.ok(by('PLACE').includes('Brussels'), by('PLACE').join());
    assert.ok(by('DATE').includes('Monday'));
  });

  it('keeps titles and the possessive out of names, and the title in the mention', () => {
    const found = recogniser.recognise('President Donald Trump’s team arrived. Mr. Kim followed.').filter(m => m.type === 'PERSON');
    assert.deepEqual(found.map(m => m.text), ['Donald Trump', 'Kim']);
    assert.match(found[0].title ?? '', /President/);
  });

  it('a family name named in full elsewhere in the article is that person', () => {
    assert.deepEqual(people('Kim Jong Un arrived in Hanoi. Later, Kim smiled.'), ['Kim Jong Un', 'Kim']);
  });

  it('title-case headlines do not become names', () => {
    const text = 'Second Trump-Kim Summit Kicks Off In Hanoi With A Handshake\n\nPresident Trump met Kim Jong Un in Hanoi. Trump and Kim shook hands.';
    const names = recogniser.recognise(text).filter(m => m.type !== 'DATE').map(m => m.text);
    assert.ok(!names.some(n => /Kicks|Handshake|Summit/.test(n)), names.join(', '));
  });
});

describe('entity tagger: hashing without building strings', () => {
  it('partsHash equals featureHash of the joined feature', async () => {
    const { partsHash } = await import('../../src/core/ner/tagger/model');
    for (const [name, value, value2] of [['l-1:', 'the'], ['ll:', 'president', 'trump'], ['first', ''], ['g:', 'LOC.city:U'], ['lr:', 'ünïcode', '</s>']] as [string, string, string?][]) {
      assert.equal(partsHash(name, value, value2), featureHash(value2 === undefined ? name + value : `${name}${value}|${value2}`));
    }
  });
});

describe('entity tagger: tagging sees what training saw', () => {
  it('the cached per-word lookups give the labels of the plain feature strings', () => {
    const model = parseModel(new Uint8Array(fs.readFileSync(MODEL)));
    const rows = new Map(Array.from(model.hashes, (h, i) => [h, i]));
    // the reference: every feature as training writes it, summed row by row
    const reference = (sentences: string[][]) => {
      const memory = new Map<string, string>();
      return sentences.map(words => {
        const emissions = new Float32Array(words.length * L);
        sentenceFeatures(words, model.lexicon).forEach((features, i) => {
          for (const f of [...features, ...documentFeatures(words[i], memory)]) {
            const r = rows.get(featureHash(f));
            if (r !== undefined) for (let q = 0; q < L; q++) emissions[i * L + q] += model.weights[r * L + q] * model.scale;
          }
        });
        const labels = viterbi(emissions, words.length, model.transitions);
        remember(words, labels, memory);
        return labels;
      });
    };
    const doc = [
      ['SOCCER', '-', 'JAPAN', 'GET', 'LUCKY', 'WIN', ',', 'CHINA', 'IN', 'SURPRISE', 'DEFEAT', '.'],
      ['President', 'Donald', 'Trump', 'met', 'Kim', 'Jong', 'Un', 'at', 'the', 'Sofitel', 'Legend', 'Metropole', 'in', 'Hanoi', '.'],
      ['Kim', "'s", 'sister', 'Kim', 'Yo', 'Jong', 'told', 'Reuters', 'on', '27', 'February', '2019', ':', '"', 'We', 'are', 'ready', '."'],
      ['Trump'],
    ];
    assert.deepEqual(model.tagDocument(doc), reference(doc));
  });
});

describe('entity tagger: the cached rows are the string features', () => {
  it('gives the emission scores of the feature strings, summed in the same order, to the bit', () => {
    const model = parseModel(new Uint8Array(fs.readFileSync(MODEL)));
    const rows = new Map(Array.from(model.hashes, (h, i) => [h, i]));
    const weight = (r: number, q: number) => Math.fround(model.weights[r * L + q] * model.scale);
    // the strings of training, in the order tagging adds them: word, document, then context features
    const reference = (words: string[], memory: Map<string, string>) => {
      const emissions = new Float32Array(words.length * L);
      const context = contextFeatures(words, model.lexicon);
      words.forEach((w, i) => {
        for (const f of [...wordFeatures(w, model.lexicon), ...documentFeatures(w, memory), ...context[i]]) {
          const r = rows.get(featureHash(f));
          if (r !== undefined) for (let q = 0; q < L; q++) emissions[i * L + q] += weight(r, q);
        }
      });
      return emissions;
    };
    const doc = [
      ['NEW', 'YORK', 'TIMES', 'REPORTS', 'ON', 'U.S.', 'TALKS'],
      ['The', 'New', 'York', 'Times', 'said', 'Kim', 'Jong', 'Un', 'met', 'Donald', 'Trump', 'in', 'Hanoi', ',', 'Viet', 'Nam', '.'],
      ['Calling', 'it', '"', 'historic', '"', ',', 'Moon', 'Jae-in', "'s", 'office', 'cited', '1,000', 'officials', 'and', '27', 'February', '2019', '.'],
      ['Émilie', 'Zoë', 'Müller', 'of', 'Société', 'Générale', 'in', 'São', 'Paulo', 'and', 'the', 'European', 'Union', '🙂', 'agreed'],
      ['Trump'],
      ['New', 'York', 'City', 'Mayor', 'Bill', 'de', 'Blasio', 'and', 'Trump', 'spoke', 'in', 'New', 'York', '.'],
    ];
    const memory = new Map<string, string>();
    for (const words of doc) {
      const fast = model.scoreSentence(words, memory);
      const slow = reference(words, memory);
      const differs = fast.findIndex((x, k) => !Object.is(x, slow[k]));
      assert.equal(differs, -1, `${words.join(' ')}: token ${Math.floor(differs / L)} differs`);
      remember(words, model.tagSentence(words, memory), memory);
    }
    assert.ok(memory.size > 5);
  });
});

describe('entity tagger: built on first use', () => {
  it('names itself like the full model and tags the same, building its tables only when asked', async () => {
    const { lazyModelRecogniser } = await import('../../src/core/ner');
    const bytes = new Uint8Array(fs.readFileSync(MODEL));
    const full = modelRecogniser(parseModel(bytes));
    const lazy = lazyModelRecogniser(bytes);
    assert.equal(lazy.id, full.id);
    const text = 'President Donald Trump met Kim Jong Un in Hanoi. Trump’s team arrived first.';
    assert.deepEqual(lazy.recognise(text), full.recognise(text));
  });
});
