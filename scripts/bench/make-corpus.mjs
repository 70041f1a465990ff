// Builds a folder of N news articles for the scale benchmarks, from texts already on this machine: the
// sample corpus and the PolNeAR articles of ../shared/data (no download). Past the originals, articles are
// recombined: the first paragraphs of one article with the last paragraphs of another, so every file is
// distinct text that still reads as news. Deterministic for a given N and seed.
// usage: node scripts/bench/make-corpus.mjs --data ../shared/data --count 2000 --out /tmp/corpus-2000 [--seed 1]
import fs from 'node:fs';
import path from 'node:path';

export function makeCorpus({ data, count, out, seed = 1, sample = 'sample-corpus' }) {
  const sources = [];
  const readFolder = folder => {
    if (!fs.existsSync(folder)) return;
    for (const f of fs.readdirSync(folder).sort()) if (/\.(txt|md)$/.test(f)) sources.push({ name: f.replace(/\.(txt|md)$/, ''), text: fs.readFileSync(path.join(folder, f), 'utf8') });
  };
  readFolder(sample);
  for (const split of ['train', 'dev']) readFolder(path.join(data, 'polnear', split));
  if (sources.length < 10) throw new Error(`too few articles found under ${data}/polnear and ${sample}: pass --data <path to shared/data>`);
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
  fs.rmSync(out, { recursive: true, force: true });
  const perFolder = 1000;
  for (let i = 0; i < count; i++) {
    let name, text;
    if (i < sources.length) ({ name, text } = sources[i]);
    else {
      const a = sources[Math.floor(random() * sources.length)], b = sources[Math.floor(random() * sources.length)];
      const pa = a.text.split(/\n\s*\n/), pb = b.text.split(/\n\s*\n/);
      const cut = Math.max(1, Math.ceil(pa.length / 2));
      text = [...pa.slice(0, cut), ...pb.slice(Math.floor(pb.length / 2))].join('\n\n');
      name = a.name;
    }
    // folders of a thousand; past the originals the same file names recur in other folders, as in real archives
    const dir = path.join(out, `part-${String(Math.floor(i / perFolder) + 1).padStart(2, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    let file = path.join(dir, `${name}.txt`);
    for (let k = 2; fs.existsSync(file); k++) file = path.join(dir, `${name}-${k}.txt`);
    fs.writeFileSync(file, text);
  }
  return out;
}

// run as a script (not when imported, nor bundled into scale.ts, where import.meta does not exist)
if (path.basename(process.argv[1] ?? '') === 'make-corpus.mjs') {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
  const data = flag('data', '../shared/data');
  const count = Number(flag('count', '2000'));
  const out = flag('out');
  if (!out || !Number.isInteger(count) || count < 1) { console.error('usage: make-corpus.mjs --data <shared/data> --count N --out <folder> [--seed S]'); process.exit(2); }
  makeCorpus({ data, count, out, seed: Number(flag('seed', '1')) });
  console.log(`wrote ${count} articles to ${out}`);
}
