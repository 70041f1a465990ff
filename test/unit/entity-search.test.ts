import * as assert from 'node:assert/strict';
import type { Entity } from '../../src/core/entities/entity';
import { entitySearch } from '../../src/core/entities/search';

const entity = (name: string, ...forms: string[]): Entity => ({ id: `x:${name}`, type: 'PERSON', name, forms: new Map([name, ...forms].map(f => [f, 1])), titles: new Set() });

const kim = entity('Kim Jong Un', 'Kim', 'Chairman Kim');
const un = entity('United Nations', 'UN', 'U.N.');
const nguyen = entity('Nguyễn Phú Trọng');
const grant = entity('Paul Grant-Smith');
const all = [kim, un, nguyen, grant];
const found = (query: string) => all.filter(entitySearch(query)).map(e => e.name);

describe('entity search', () => {
  it('every word of the query begins a word of the name or of a written form, in any order', () => {
    assert.deepEqual(found('kim'), ['Kim Jong Un']);
    assert.deepEqual(found('jong kim'), ['Kim Jong Un']);
    assert.deepEqual(found('chairman'), ['Kim Jong Un']);
    assert.deepEqual(found('un'), ['Kim Jong Un', 'United Nations']);
    assert.deepEqual(found('nations'), ['United Nations']);
  });
  it('not inside a word: "ant" does not find Grant', () => {
    assert.deepEqual(found('ant'), []);
    assert.deepEqual(found('smith'), ['Paul Grant-Smith']);
  });
  it('case, accents and punctuation aside', () => {
    assert.deepEqual(found('NGUYEN trong'), ['Nguyễn Phú Trọng']);
    assert.deepEqual(found('u.n.'), ['United Nations']);
  });
  it('an empty query finds everyone; a query with no match finds no one', () => {
    assert.equal(found('  ').length, all.length);
    assert.deepEqual(found('zzqq'), []);
  });
});
