// Writes what the recogniser reads after tagging into an entity model file, its weights untouched: the openers
// (words news capitalises only where a sentence or a quotation opens: "Additionally", "Furthermore") and the
// genders of first names. The same lists `npm run train:ner` folds into a model it trains, counted the same way
// on the same text (CoNLL train and the unlabelled news).
// usage: npm run lexicon:ner -- --data ../shared/data/conllpp [--unlabelled DIR]… [--model media/ner-model.bin]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConll } from './conll';
import { caseCounts, firstNameGenders, openersOf } from './lexicon';
import { parseModel, serializeModel } from '../../src/core/ner/tagger/model';

const a = process.argv.slice(2);
const get = (name: string, fallback?: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : fallback; };
const data = get('data');
if (!data) { console.error('openers: give the CoNLL folder: npm run openers:ner -- --data ../shared/data/conllpp'); process.exit(2); }
const given = a.flatMap((x, i) => (x === '--unlabelled' ? [a[i + 1]] : []));
const sibling = path.join(data, '..', 'polnear', 'train');
const unlabelled = given.length ? given : fs.existsSync(sibling) ? [sibling] : [];
const file = get('model', 'media/ner-model.bin')!;

const model = parseModel(new Uint8Array(fs.readFileSync(file)));
const counts = caseCounts(readConll(path.join(data, 'train.txt')), unlabelled);
const openers = openersOf(counts);
const genders = firstNameGenders(counts.unlabelledSentences, model.lexicon.gazetteer);
const lexicon = { ...model.lexicon, openers, genders };
const bytes = serializeModel({ hashes: model.hashes, weights: model.weights, scale: model.scale, transitions: model.transitions, lexicon, info: { ...model.info, openers: openers.size, genders: genders.size } });
fs.writeFileSync(file, bytes);
const of = (names: string[]) => names.map(n => `${n} ${genders.get(n) ?? '?'}`).join(', ');
console.log(`${file}: ${openers.size} openers (${[...openers].slice(0, 12).join(', ')}, …), ${genders.size} first names' genders (${of(['hillary', 'bill', 'donald', 'melania', 'kellyanne', 'chris', 'kim'])}), ${(bytes.length / 1048576).toFixed(2)} MB`);
