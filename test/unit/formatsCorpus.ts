// An annotated corpus for the round trips of the export formats (test/unit/formats-*.test.ts): a copy of the
// sample corpus plus a short article with emoji and CRLF line breaks (offsets in code points differ from
// UTF-16's there), with annotations of every kind added — linked, rated, dated, noted; one whose words were
// edited (to review) and one whose words are gone (orphaned) — written to their sidecars.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { serializeSidecar, parseSidecar } from '../../src/core/annotations/codec';
import { sidecarName, type Annotation } from '../../src/core/annotations/model';
import { Corpus } from '../../src/core/corpus';
import { contentHash } from '../../src/core/text/hash';
import { nth, readSample, sampleFiles } from './helpers';

export const EMOJI_ARTICLE = 'emoji-article.txt';
export const EMOJI_TEXT = 'Kim 🙂 met Trump in Hanoi 🇻🇳 on Feb. 27, 2019.\r\nTrump said "we will get a deal" after the dinner.\r\nThe claim 🙂 that all sanctions were lifted is false, an official said.\r\n';

let counter = 0;
function note(text: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  counter++;
  return {
    id: `a-test-${counter.toString(36).padStart(4, '0')}`, kind: 'note', links: {}, author: 'Reporter Ann', created: '2019-03-01T10:00:00.000Z', updated: '2019-03-01T11:00:00.000Z',
    anchor: makeAnchor(text, { start, end }), ...extra,
  };
}

const at = (text: string, needle: string, n = 0) => ({ start: nth(text, needle, n), end: nth(text, needle, n) + needle.length });

/** The annotations of each article of the annotated corpus, by file name. */
export function corpusAnnotations(): Map<string, Annotation[]> {
  counter = 0;
  const xinhua = readSample('xinhua-kim-trump-meet-hanoi.txt');
  const npr = readSample('npr-kuow-second-trump-kim-summit-hanoi.txt');
  const e = EMOJI_TEXT;
  const pledge = at(xinhua, 'Trump pledged to provide security guarantees to the DPRK');
  const handshake = at(npr, 'struck an upbeat note at the launch of their second summit');
  const edited = note(npr, handshake.start, handshake.end, { note: 'to check' });
  edited.anchor = { ...makeAnchor(npr, handshake, false), text: 'struck an upbeat tone at the launch of their 2nd summit' };
  const gone = note(npr, 0, 4, { kind: 'claim', note: 'a claim cut from the article' });
  gone.anchor = { text: 'The talks collapsed without any agreement at all', prefix: 'Meanwhile, reporters were told ', suffix: ', according to a source.', start: 40, end: 88 };
  const deal = at(e, '"we will get a deal"');
  return new Map([
    ['xinhua-kim-trump-meet-hanoi.txt', [
      note(xinhua, 102, 113, { kind: 'person', label: 'Kim Jong Un', note: 'North Korea’s leader', links: { entityId: 'person:kim-jong-un' } }),
      note(xinhua, pledge.start, pledge.end, { kind: 'claim', rating: 'Mostly true', note: 'The Singapore statement says so.', links: { claimant: 'person:donald-trump' } }),
      note(xinhua, at(xinhua, 'Xinhua').start, at(xinhua, 'Xinhua').end, { kind: 'not-entity' }),
      note(xinhua, at(xinhua, 'Hanoi Summit').start, at(xinhua, 'Hanoi Summit').end, { kind: 'event', label: 'The banner', date: '2019-02-27', note: 'Line one.\nLine two, with a tab\there.' }),
    ]],
    ['npr-kuow-second-trump-kim-summit-hanoi.txt', [
      note(npr, at(npr, 'Kim').start, at(npr, 'Kim').end, { note: 'short and repeated' }),
      note(npr, at(npr, 'international press corps').start, at(npr, 'international press corps').end, { kind: 'organisation' }),
      edited,
      gone,
    ]],
    [EMOJI_ARTICLE, [
      note(e, at(e, 'Hanoi').start, at(e, 'Hanoi').end, { kind: 'place', links: { entityId: 'place:hanoi' } }),
      note(e, deal.start, deal.end, { kind: 'quote', links: { speaker: 'person:donald-trump' } }),
      note(e, at(e, 'all sanctions were lifted').start, at(e, 'all sanctions were lifted').end, { kind: 'claim', rating: 'False', links: { claimant: 'An unnamed official' } }),
      note(e, at(e, '🇻🇳').start, at(e, 'dinner').end, { note: 'a stretch over a line break' }),
    ]],
  ]);
}

/** A folder (in a new temporary folder) with the sample articles, the emoji article and, unless `bare`, their sidecars. */
export function writeCorpus(bare = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-formats-'));
  for (const f of sampleFiles()) fs.writeFileSync(path.join(dir, f), readSample(f));
  fs.writeFileSync(path.join(dir, EMOJI_ARTICLE), EMOJI_TEXT);
  if (!bare) {
    for (const [file, annotations] of corpusAnnotations()) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      fs.writeFileSync(path.join(dir, sidecarName(file)), serializeSidecar({ version: 1, article: file, contentHash: contentHash(text), annotations }));
    }
  }
  return dir;
}

/** The annotations in the sidecars of a folder that can be read, by file name. */
export function readSidecars(dir: string): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  for (const f of fs.readdirSync(dir).filter(n => n.endsWith('.annotations.yaml')).sort()) {
    const article = f.slice(0, -'.annotations.yaml'.length);
    const { sidecar } = parseSidecar(fs.readFileSync(path.join(dir, f), 'utf8'), article);
    if (sidecar) out.set(article, sidecar.annotations);
  }
  return out;
}

/** A corpus of a folder's articles (by file name) with the given annotations. */
export function corpusOf(dir: string, annotations: Map<string, Annotation[]> = new Map()): Corpus {
  const corpus = new Corpus();
  for (const f of fs.readdirSync(dir).filter(n => n.endsWith('.txt')).sort()) corpus.setArticle(f, fs.readFileSync(path.join(dir, f), 'utf8'), annotations.get(f) ?? []);
  return corpus;
}
