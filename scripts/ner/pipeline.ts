// The whole recogniser (src/core/ner/tagged.ts: headlines, titles, openers, employers, one reading per article)
// on CoNLL documents, as labels per CoNLL token: each document becomes a text of one paragraph per sentence,
// words joined by spaces, and each PERSON/ORG/PLACE/MISC mention labels the tokens it covers.
import type { Doc } from './conll';
import { recogniseWithModel } from '../../src/core/ner/tagged';
import { labelIndex, O } from '../../src/core/ner/tagger/labels';
import type { TaggerModel } from '../../src/core/ner/tagger/model';

const CONLL: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC', MISC: 'MISC' };

export function pipelineLabels(doc: Doc, model: TaggerModel): number[][] {
  const starts: number[][] = [];
  let text = '';
  for (const s of doc.sentences) {
    if (text) text += '\n\n';
    starts.push(s.words.map(w => { const at = text.length; text += w + ' '; return at; }));
    text = text.slice(0, -1);
  }
  const labels = doc.sentences.map(s => s.words.map(() => O));
  // token (sentence, index) by its start offset, and every token's end
  const at = new Map<number, [number, number]>();
  starts.forEach((row, k) => row.forEach((start, i) => at.set(start, [k, i])));
  for (const m of recogniseWithModel(text, model)) {
    const type = CONLL[m.type];
    const first = at.get(m.start);
    if (!type || !first) continue;
    const [k, i] = first;
    let j = i;
    while (j + 1 < starts[k].length && starts[k][j + 1] < m.end) j++;
    // the mention must end where a token ends
    if (starts[k][j] + doc.sentences[k].words[j].length !== m.end || labels[k].slice(i, j + 1).some(l => l !== O)) continue;
    for (let x = i; x <= j; x++) labels[k][x] = labelIndex.get(`${i === j ? 'U' : x === i ? 'B' : x === j ? 'L' : 'I'}-${type}`)!;
  }
  return labels;
}
