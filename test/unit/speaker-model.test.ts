// Issue 14: the trained speaker model (media/speaker-model.json) as the product uses it, on short articles
// written for these tests, and the model file's loading and scoring.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseArticle } from '../../src/core/analysis';
import type { ArticleAnalysis } from '../../src/core/model';
import { parseSpeakerModel } from '../../src/core/quotes';
import { confidenceWords, saidBy } from '../../src/core/quotes/confidence';
import { bestChoice } from '../../src/core/quotes/ranking';
import { calibrated, probabilities, serializeSpeakerModel } from '../../src/core/quotes/speakerModel';
import { shippedRecogniser } from './helpers';

const media = path.join(__dirname, '../../../media');
const recogniser = shippedRecogniser();
const speakerModel = parseSpeakerModel(fs.readFileSync(path.join(media, 'speaker-model.json'), 'utf8'));

/** Each speech quote's first words → the name its speaker resolves to (or the words it rests on), and its confidence. */
function speakers(text: string): { said: Record<string, string>; analysis: ArticleAnalysis } {
  const analysis = analyseArticle(text, { recogniser, speakerModel });
  const name = (i: number | undefined, words: string) => (i !== undefined ? analysis.mentions[i].text : words);
  const said = Object.fromEntries(analysis.quotes.filter(q => q.kind === 'speech').map(q => [q.text.split(/\s+/).slice(0, 3).join(' '), q.speaker ? name(q.speaker.mentionIndex, q.speaker.text) : 'nobody']));
  return { said, analysis };
}

describe('speaker model: who said it', () => {
  it('Obama’s “he said” next to a named Hillary Clinton is Obama’s, and so is the quote that follows', () => {
    const text = 'Barack Obama campaigned for Hillary Clinton in Philadelphia on Tuesday, telling a crowd of volunteers that the race was close.\n\n'
      + '“I want every man out there to think about who he is voting for,” he said. “She is so much better qualified than anybody who has ever run.”\n\n'
      + 'Clinton spoke later in the evening in Pittsburgh.';
    const { said } = speakers(text);
    // the recogniser may name him "Obama" or "Barack Obama": either is him, never Hillary Clinton
    assert.match(said['I want every'], /^(?:Barack )?Obama$/);
    assert.match(said['She is so'], /^(?:Barack )?Obama$/);
  });
});

describe('speaker model: confidence', () => {
  it('is the model’s, not a constant per rule: a named speaker with its cue is surer than a quote far from any name', () => {
    const text = 'Senator Maria Lopez spoke to reporters on the steps of the Capitol on Monday morning.\n\n'
      + '“We will pass this bill before the recess,” Lopez said.\n\n'
      + 'The committee met for four hours. Members argued about the budget and about the schedule, and the meeting ended without a vote.\n\n'
      + '“Nobody wants another shutdown this winter.”';
    const { analysis } = speakers(text);
    const [named, bare] = analysis.quotes.filter(q => q.kind === 'speech');
    assert.equal(named.speaker?.text, 'Lopez');
    assert.ok(named.confidence >= 0.9, `named with its cue: ${named.confidence}`);
    assert.ok(bare.confidence < named.confidence - 0.1, `bare ${bare.confidence} against named ${named.confidence}`);
  });

  it('is said in words: plainly when sure, "probably" and "possibly" below', () => {
    assert.equal(saidBy(0.97), 'Said by');
    assert.equal(saidBy(0.8), 'Probably said by');
    assert.equal(saidBy(0.5), 'Possibly said by');
    assert.match(confidenceWords(0.97), /^very likely right: about 97 in 100/);
    assert.match(confidenceWords(0.55), /^uncertain: only about 55 in 100 .* check the text$/);
  });
});

describe('speaker model: the file', () => {
  const curve = { x: [0.2, 0.5, 0.9], y: [0.3, 0.6, 0.95] };

  it('the shipped model loads, names itself and has a rising calibration curve', () => {
    assert.match(speakerModel.id, /^speakers:[0-9a-f]{8}$/);
    assert.ok(speakerModel.weights.size > 50);
    const { x, y } = speakerModel.calibration;
    for (let i = 1; i < x.length; i++) assert.ok(x[i] >= x[i - 1] && y[i] >= y[i - 1]);
  });

  it('is written and read back with the same weights and curve, and the same file gives the same id', () => {
    const json = serializeSpeakerModel(new Map([['k:per', 1.25], ['none', -0.5], ['unused', 0]]), curve, { seed: 1 });
    const model = parseSpeakerModel(json);
    assert.deepEqual([...model.weights], [['k:per', 1.25], ['none', -0.5]]);
    assert.deepEqual(model.calibration, curve);
    assert.equal(parseSpeakerModel(json).id, model.id);
  });

  it('refuses a file that is not a speaker model, or whose curve is out of order', () => {
    assert.throws(() => parseSpeakerModel('{"format":"something else","version":1}'), /not a Source Annotator speaker model/);
    const bad = serializeSpeakerModel(new Map([['none', 1]]), { x: [0.9, 0.2], y: [0.5, 0.6] }, {});
    assert.throws(() => parseSpeakerModel(bad), /not in order/);
  });

  it('scores candidates by the sum of their weights, as a softmax, and reads the curve between its points', () => {
    const model = parseSpeakerModel(serializeSpeakerModel(new Map([['a', Math.log(3)], ['b', 0]]), curve, {}));
    const p = probabilities(model, [['a'], ['b'], ['unknown feature']]);
    assert.deepEqual(p.map(v => Number(v.toFixed(4))), [0.6, 0.2, 0.2]);
    assert.equal(calibrated(model, 0.1), 0.3);
    assert.equal(Number(calibrated(model, 0.7).toFixed(4)), 0.775);
    assert.equal(calibrated(model, 0.99), 0.95);
  });

  it('candidates that stand for one speaker pool their probability: “Trump” and “he” add up', () => {
    const { best, mass } = bestChoice([0.4, 0.35, 0.25], ['cruz', 'trump', 'trump']);
    assert.equal(best, 1);
    assert.equal(Number(mass.toFixed(4)), 0.6);
  });
});
