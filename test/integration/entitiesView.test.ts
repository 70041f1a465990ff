// The People view and the Organisations and Places view: rows in words, a heading per kind, and search.
import * as assert from 'node:assert/strict';
import type { SourceAnnotatorApi } from '../../src/extension';
import { activeApi } from './helpers';

const ID = /\b(?:person|org|place|date):[a-z0-9-]/;

suite('Entities view: organisations and places beside People, each with search', () => {
  let api: SourceAnnotatorApi;

  suiteSetup(async () => {
    api = await activeApi('xinhua-kim-trump-meet-hanoi.txt');
  });

  suiteTeardown(async () => {
    await api.viewRows('people', '');
    await api.viewRows('entities', '');
  });

  test('Organisations and Places: one heading per kind, the most mentioned first, words and never ids', async () => {
    const headings = await api.viewRows('entities', '');
    assert.deepEqual(headings.map(h => h.label).filter(l => l !== 'Organisations'), ['Places']);
    const places = headings.find(h => h.label === 'Places')!;
    assert.equal(places.description, String(places.children.length));
    const counts = places.children.map(p => Number(/^(\d+) mention/.exec(p.description)?.[1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `places: ${places.children.map(p => `${p.label} ${p.description}`).join(', ')}`);
    const hanoi = places.children.find(p => p.label === 'Hanoi');
    assert.ok(hanoi, `places: ${places.children.map(p => p.label).join(', ')}`);
    assert.match(hanoi.description, /^\d+ mentions · \d+ articles?$/);
    assert.match(hanoi.tooltip, /^\*\*Hanoi\*\* — Place, \d+ mentions in \d+ articles?/);
    for (const row of [...headings, ...headings.flatMap(h => h.children)]) {
      assert.ok(!ID.test(`${row.label} ${row.description} ${row.tooltip}`), `an id in ${JSON.stringify(row)}`);
    }
    // no person here, and no place in People
    const people = await api.viewRows('people', '');
    const placeNames = new Set(places.children.map(p => p.label));
    assert.ok(people.some(p => p.label === 'Kim Jong Un'));
    assert.ok(!people.some(p => placeNames.has(p.label)));
  });

  test('search narrows a view to the names that match, by any way they are written, and clears', async () => {
    const korea = await api.viewRows('entities', 'korea');
    const names = korea.flatMap(h => h.children.map(c => c.label));
    assert.ok(names.includes('North Korea'), names.join(', '));
    assert.ok(!names.includes('Hanoi'));
    const kim = await api.viewRows('people', 'KIM jong');
    assert.deepEqual(kim.map(p => p.label), ['Kim Jong Un']);
    assert.deepEqual(await api.viewRows('people', 'zzqqxx'), []);
    const everyone = await api.viewRows('people', '');
    assert.ok(everyone.length > 1 && everyone.some(p => p.label === 'Donald Trump'));
  });
});
