import * as fs from 'node:fs';

export interface Sentence { words: string[]; tags: string[] }
export interface Doc { sentences: Sentence[] }

/** CoNLL-2003 files: `token POS chunk tag` per line, blank lines between sentences, -DOCSTART- between documents. */
export function readConll(file: string): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc = { sentences: [] };
  let sentence: Sentence = { words: [], tags: [] };
  const flush = () => { if (sentence.words.length) doc.sentences.push(sentence); sentence = { words: [], tags: [] }; };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    if (!line.trim()) { flush(); continue; }
    const parts = line.split(' ');
    sentence.words.push(parts[0]);
    sentence.tags.push(parts[parts.length - 1]);
  }
  flush();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}
