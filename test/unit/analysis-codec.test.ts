import * as assert from 'node:assert/strict';
import { analyseArticle } from '../../src/core/analysis';
import { decodeAnalysis, encodeAnalysis, plainAnalysis } from '../../src/core/corpus/analysisCodec';
import { readShard, shardLines, storedText } from '../../src/core/corpus/indexShard';
import { readSample, sampleFiles } from './helpers';
import type { ArticleAnalysis } from '../../src/core/model';
import { AnalysisSource } from '../../src/vscode/analysisSource';
import type { AnalysisStore } from '../../src/vscode/analysisStore';
import type { AnalysisWorker } from '../../src/vscode/analysisWorker';

/** The analysis as JSON has it (properties set to undefined are absent). */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;


describe('persistent index: an analysis stored without the article text', () => {
  for (const file of sampleFiles()) {
    it(`${file}: decodes to exactly the analysis, and stores no stretch of the text twice`, () => {
      const text = readSample(file);
      const analysis = analyseArticle(text);
      const encoded = encodeAnalysis(analysis, text);
      const decoded = decodeAnalysis(encoded, text);
      assert.deepEqual(plainAnalysis(decoded), plain(analysis));
      assert.equal(encodeAnalysis(decoded, text), encoded, 'what is read back is stored as it was');
      for (const m of analysis.mentions) assert.ok(!encoded.includes(`"text":${JSON.stringify(m.text)}`) || m.text !== text.slice(m.start, m.end), m.text);
      assert.ok(encoded.length < JSON.stringify(analysis).length, `${encoded.length} vs ${JSON.stringify(analysis).length}`);
    });
  }

  it('a text that is not the stretch it spans is kept as it is; CRLF and emoji offsets hold', () => {
    const text = 'Kim 👋 met\r\nDonald Trump in Hanoi on Wednesday. "We will see," Trump said.';
    const analysis = analyseArticle(text);
    analysis.mentions.push({ start: 0, end: 3, text: 'Kim Jong Un', type: 'PERSON', origin: 'model' });
    assert.deepEqual(plainAnalysis(decodeAnalysis(encodeAnalysis(analysis, text), text)), plain(analysis));
  });

  it('an event’s participant or place that is exactly one of the mentions is that mention, read back', () => {
    const text = 'Donald Trump met Kim Jong Un in Hanoi on Wednesday, the White House said.';
    const analysis = analyseArticle(text);
    const events = analysis.events.filter(e => e.participants.length);
    assert.ok(events.length, 'the sentence tells an event with participants');
    const decoded = decodeAnalysis(encodeAnalysis(analysis, text), text);
    let shared = 0;
    for (const e of decoded.events) for (const p of [...e.participants, ...(e.place ? [e.place] : [])]) {
      const m = decoded.mentions.find(x => x.start === p.start && x.end === p.end);
      if (m) { assert.equal(p, m, p.text); shared++; }
      assert.equal(p.text, text.slice(p.start, p.end));
    }
    assert.ok(shared > 0);
  });

  it('a mention that is only its stretch, type and origin is stored as three numbers; one that says more stays as it is', () => {
    const text = 'Kim Jong Un met Donald Trump in Hanoi.';
    const analysis = analyseArticle(text);
    const plainOnes = analysis.mentions.filter(m => Object.keys(plain(m)).length === 5 && m.text === text.slice(m.start, m.end));
    assert.ok(plainOnes.length >= 3, 'the model finds the names and the place');
    analysis.mentions.push({ start: 16, end: 28, text: 'Donald Trump', type: 'PERSON', origin: 'user', annotationId: 'a1', entityId: 'person:donald-trump' });
    analysis.mentions.push({ start: 0, end: 3, text: 'Kim', type: 'PERSON', origin: 'user' });
    const encoded = encodeAnalysis(analysis, text);
    const stored = JSON.parse(encoded) as { mentions: unknown[] };
    assert.equal(stored.mentions.filter(Array.isArray).length, plainOnes.length + 1, 'each plain mention, the user\'s plain one too');
    assert.deepEqual(stored.mentions.at(-1), [0, 3, 1], "PERSON (0) twice, plus 1: the user's");
    assert.ok(stored.mentions.some(m => !Array.isArray(m) && (m as { annotationId?: string }).annotationId === 'a1'), 'a mention with more fields stays an object');
    const decoded = decodeAnalysis(encoded, text);
    assert.deepEqual(plainAnalysis(decoded), plain(analysis));
    for (const m of decoded.mentions) assert.equal(m.text, text.slice(m.start, m.end));
  });

  it('refuses what is not an encoded analysis', () => {
    assert.throws(() => decodeAnalysis('{"hash":"h","published":{},"mentions":[[0,9,0]],"quotes":[],"events":[]}', 'abc'), 'a stretch past the end');
    assert.throws(() => decodeAnalysis('{"hash":"h","published":{},"mentions":[[0,1,99]],"quotes":[],"events":[]}', 'abc'), 'no such type');
    assert.throws(() => decodeAnalysis('{"mentions":[{"start":0,"end":1,"text":7}],"quotes":[],"events":[]}', 'abc'));
    assert.throws(() => decodeAnalysis('[1,2]', 'abc'));
    assert.throws(() => decodeAnalysis('not json', 'abc'));
  });
});

describe('persistent index: a file of it kept as bytes', () => {
  const entries: [string, string][] = [
    ['h1|s|v1', '{"said":"“Wir sind bereit,” sagte Kim. 北朝鮮"}'],
    ['h2|s|v1', '{"mentions":[]}'],
  ];
  const keep = (key: string) => key.endsWith('|v1');

  it('reads back every entry, whatever its characters, from a file written whole or appended to', () => {
    for (const bytes of [shardLines(entries, false), shardLines(entries, true)]) {
      const { entries: read, damaged } = readShard(bytes, keep);
      assert.equal(damaged, false);
      assert.deepEqual([...read.keys()], entries.map(([k]) => k));
      for (const [key, encoded] of entries) assert.equal(storedText(bytes, read.get(key)!), encoded);
    }
  });

  it('a line of another version, without a key or cut short before its tab is damaged; the entries around it are kept', () => {
    const text = new TextDecoder().decode(shardLines(entries, false));
    const bytes = new TextEncoder().encode(`${text}\nh3|s|v0\t{}\nnot an entry\n\tno key\nh4|s|v1`);
    const { entries: read, damaged } = readShard(bytes, keep);
    assert.equal(damaged, true);
    assert.deepEqual([...read.keys()], ['h1|s|v1', 'h2|s|v1']);
    assert.equal(storedText(bytes, read.get('h2|s|v1')!), '{"mentions":[]}');
  });
});

describe('an analysis a worker made', () => {
  const text = readSample(sampleFiles()[0]);
  const made = analyseArticle(text);
  const encoded = encodeAnalysis(made, text);
  // the worker answers in the stored form, read back as the index reads it (src/vscode/analysisWorker.ts)
  const worker = { analyseEncoded: async () => ({ analysis: decodeAnalysis(encoded, text), encoded }) } as unknown as AnalysisWorker;
  const puts: [string, string | undefined][] = [];
  const index = { get: async () => undefined, put: (t: string, _s: string, _a: ArticleAnalysis, e?: string) => { puts.push([t, e]); return e; } } as unknown as AnalysisStore;

  it('is handed over as the index reads it back, and kept in the index as the worker encoded it', async () => {
    puts.length = 0;
    const got = await new AnalysisSource(worker, index).find(text, 1e6, 'r', true);
    assert.notEqual(got, made);
    assert.deepEqual(plainAnalysis(got!), plain(made));
    assert.deepEqual(puts, [[text, encoded]]);
  });

  it('is not kept when it is an editor’s text, and is then the same analysis', async () => {
    puts.length = 0;
    const got = await new AnalysisSource(worker, index).find(text, 1e6, 'r', false);
    assert.deepEqual(plainAnalysis(got!), plain(made));
    assert.deepEqual(puts, []);
  });

  it('is asked for before a scan’s articles when it is an editor’s text, not when it is to be kept', async () => {
    const asked: boolean[] = [];
    const recording = { analyseEncoded: async (_t: string, _m: number, urgent: boolean) => { asked.push(urgent); return { analysis: decodeAnalysis(encoded, text), encoded }; } } as unknown as AnalysisWorker;
    await new AnalysisSource(recording, index).find(text, 1e6, 'r', false);
    await new AnalysisSource(recording, index).find(text, 1e6, 'r', true);
    assert.deepEqual(asked, [true, false]);
  });

  it('asked for twice while it is made, is made once', async () => {
    let asked = 0;
    const slow = { analyseEncoded: async () => { asked++; await new Promise(r => setTimeout(r, 10)); return { analysis: decodeAnalysis(encoded, text), encoded }; } } as unknown as AnalysisWorker;
    const source = new AnalysisSource(slow, index);
    const [a, b] = await Promise.all([source.find(text, 1e6, 'r', false), source.find(text, 1e6, 'r', true)]);
    assert.equal(asked, 1);
    assert.equal(a, b);
    assert.equal(source.workerAnalyses, 1);
  });
});
