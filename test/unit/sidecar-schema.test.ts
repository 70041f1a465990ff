// media/sidecar.schema.json (contributed to the YAML extension for *.annotations.yaml) against the codec:
// what the codec writes is valid, what it refuses is invalid, and the kinds are the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import { ANNOTATION_KINDS, emptySidecar, sidecarName, type Annotation, type Sidecar } from '../../src/core/annotations/model';
import { REPO_ROOT } from './helpers';
import { validate, type Schema } from './jsonSchema';

const SCHEMA_FILE = path.join(REPO_ROOT, 'media', 'sidecar.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
const TEXT = 'Donald Trump met Kim Jong Un in Hanoi on Feb. 27, 2019. "We will see," he said.';

/** One annotation of every kind, with every optional field somewhere. */
function everyKind(): Sidecar {
  const annotations: Annotation[] = ANNOTATION_KINDS.map((kind, i) => ({
    id: `a-${i}`, kind, links: {}, author: 'Reporter', created: '2019-02-27T09:00:00.000Z', updated: `2019-02-27T10:0${i}:00.000Z`,
    anchor: makeAnchor(TEXT, { start: i, end: i + 5 }),
  }));
  Object.assign(annotations[0], { label: 'Donald Trump', links: { entityId: 'person:donald-trump' } });
  Object.assign(annotations[3], { label: 'Summit opens', date: '2019-02-27', links: { eventId: 'event:2019-02-27:1' } });
  Object.assign(annotations[4], { note: 'Said on the way out.\nSecond line: "quoted"', links: { speaker: 'person:donald-trump' } });
  Object.assign(annotations[0].anchor, { repeats: 2, repeatContext: 17 });
  return { version: 1, article: 'a.txt', contentHash: 'cyrb53:00000000000001', annotations };
}

const yamlErrors = (source: string) => validate(schema, parse(source));

/** The sidecar of everyKind() with its first annotation changed by `edit`, as JSON (which is YAML: both sides read the same data). */
function withAnnotation(edit: (a: Record<string, any>) => void): string {
  const data = parse(serializeSidecar(everyKind()));
  edit(data.annotations[0]);
  return JSON.stringify(data);
}

describe('sidecar schema (media/sidecar.schema.json)', () => {
  it('is draft-07, and the checker (Ajv, strict) refuses a keyword it does not know rather than passing it (self-check)', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.throws(() => validate({ type: 'object', propertiez: {} }, {}), /propertiez/);
    assert.deepEqual(validate({ type: 'integer', minimum: 0 }, 3), []);
    assert.equal(validate({ type: 'integer', minimum: 0 }, -1).length, 1);
    assert.equal(validate({ type: 'object', additionalProperties: false, properties: {} }, { x: 1 }).length, 1);
    assert.deepEqual(validate({ type: 'string', format: 'date-time' }, '2019-02-27T10:00:00.000Z'), []);
    assert.equal(validate({ type: 'string', format: 'date-time' }, '2019-02-27').length, 1);
  });

  it('lists exactly the annotation kinds of the model', () => {
    const annotation = (schema.definitions as Record<string, Schema>).annotation;
    const kinds = (annotation.properties as Record<string, Schema>).kind.enum as string[];
    assert.deepEqual([...kinds].sort(), [...ANNOTATION_KINDS].sort());
  });

  it('accepts what the codec writes: every kind and field, and an empty sidecar', () => {
    const text = serializeSidecar(everyKind());
    assert.deepEqual(parseSidecar(text, 'a.txt').problems, []);
    assert.deepEqual(yamlErrors(text), []);
    assert.deepEqual(yamlErrors(serializeSidecar(emptySidecar('a.txt', ''))), []);
  });

  it('refuses what the codec refuses', () => {
    const refused: [string, string][] = [
      ['no version', JSON.stringify({ annotations: [] })],
      ['version 2', 'version: 2\nannotations: []\n'],
      ['version as a string', "version: '1'\nannotations: []\n"],
      ['annotations not a list', 'version: 1\nannotations: {}\n'],
      ['annotations null', 'version: 1\nannotations:\n'],
      ['an annotation that is no mapping', 'version: 1\nannotations:\n  - 42\n'],
      ['no id', withAnnotation(a => delete a.id)],
      ['an empty id', withAnnotation(a => { a.id = ''; })],
      ['a numeric id', withAnnotation(a => { a.id = 7; })],
      ['an unknown kind', withAnnotation(a => { a.kind = 'rumour'; })],
      ['no kind', withAnnotation(a => delete a.kind)],
      ['no anchor', withAnnotation(a => delete a.anchor)],
      ['no anchor text', withAnnotation(a => delete a.anchor.text)],
      ['anchor text not a string', withAnnotation(a => { a.anchor.text = 12; })],
      ['no start', withAnnotation(a => delete a.anchor.start)],
      ['a negative start', withAnnotation(a => { a.anchor.start = -1; })],
      ['a fractional end', withAnnotation(a => { a.anchor.end = 4.5; })],
      ['an offset as a string', withAnnotation(a => { a.anchor.end = '5'; })],
      ['a mapping at the top that is a list', '- 1\n- 2\n'],
    ];
    for (const [what, source] of refused) {
      assert.equal(parseSidecar(source, 'a.txt').sidecar, null, `the codec refuses ${what}`);
      assert.notDeepEqual(yamlErrors(source), [], `the schema refuses ${what}`);
    }
  });

  it('flags keys the format does not have, which the codec reports and ignores (and a sidecar written afresh leaves out)', () => {
    const cases = [
      withAnnotation(a => { a.lable = 'typo'; }),
      withAnnotation(a => { a.links.person = 'x'; }),
      withAnnotation(a => { a.anchor.length = 5; }),
      JSON.stringify({ ...parse(serializeSidecar(everyKind())), reviewer: 'desk' }),
    ];
    for (const source of cases) {
      const parsed = parseSidecar(source, 'a.txt');
      assert.ok(parsed.sidecar, 'the codec still reads the file');
      assert.equal(parsed.warnings.length, 1, JSON.stringify(parsed.warnings));
      assert.match(parsed.warnings[0].message, /Unknown key/);
      assert.doesNotMatch(serializeSidecar(parsed.sidecar), /lable|person: x|length|reviewer/, 'left out of a sidecar written afresh');
      assert.equal(yamlErrors(source).length, 1, source);
    }
  });

  it('look-alike counts are whole numbers ≥ 0; anything else the codec reports and ignores (a sidecar written afresh leaves it out), and the schema flags', () => {
    assert.match(serializeSidecar(everyKind()), /repeats: 2\n\s+repeatContext: 17\n/, 'test setup: the counts are written');
    for (const key of ['repeats', 'repeatContext']) {
      for (const bad of [-1, 1.5, 'two', true]) {
        const source = withAnnotation(a => { a.anchor[key] = bad; });
        const parsed = parseSidecar(source, 'a.txt');
        assert.ok(parsed.sidecar, 'the codec still reads the file');
        assert.equal(parsed.warnings.length, 1, `${key}: ${bad}`);
        assert.doesNotMatch(serializeSidecar(parsed.sidecar), new RegExp(`${key}: `), 'left out of a sidecar written afresh');
        assert.equal(yamlErrors(source).length, 1, `${key}: ${bad}`);
      }
    }
  });

  it('dates are ISO, as precise as known: 2019, 2019-02, 2019-02-27', () => {
    for (const date of ['2019', '2019-02', '2019-02-27']) assert.deepEqual(yamlErrors(withAnnotation(a => { a.date = date; })), [], date);
    assert.deepEqual(yamlErrors('version: 1\nannotations:\n  - {id: a, kind: event, date: 2019, anchor: {text: x, start: 0, end: 1}}\n'), [], 'an unquoted year (a YAML number) is read as the year');
    for (const date of ['2019-2-27', '27.02.2019', '2019-13', '2019-02-32', 'last week', '2019-02-27T10:00']) {
      assert.notDeepEqual(yamlErrors(withAnnotation(a => { a.date = date; })), [], date);
    }
  });

  it('created and updated are date-times', () => {
    assert.notDeepEqual(yamlErrors(withAnnotation(a => { a.updated = 'yesterday'; })), []);
    assert.notDeepEqual(yamlErrors(withAnnotation(a => { a.created = '2019-02-27'; })), []);
  });

  it('the example in the README is valid for both, with nothing ignored', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The sidecar format'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example, 'a YAML example in the section on the sidecar format');
    const parsed = parseSidecar(example, 'xinhua-kim-trump-meet-hanoi.txt');
    assert.deepEqual([parsed.problems, parsed.warnings], [[], []]);
    assert.equal(parsed.sidecar?.annotations.length, 2);
    const claim = parsed.sidecar!.annotations[1];
    assert.deepEqual([claim.kind, claim.rating, claim.links.claimant], ['claim', 'Mostly true', 'person:donald-trump'], 'a claim with its verdict and who made it');
    assert.deepEqual(yamlErrors(example), []);
  });

  it('is contributed to the YAML extension for every sidecar file name', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const entries = manifest.contributes.yamlValidation as { fileMatch: string | string[]; url: string }[];
    assert.equal(entries.length, 1);
    assert.equal(path.resolve(REPO_ROOT, entries[0].url), SCHEMA_FILE);
    const globs = ([] as string[]).concat(entries[0].fileMatch);
    const matches = (name: string) => globs.some(g => new RegExp(`^${g.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name));
    assert.ok(matches(sidecarName('interview.txt')) && matches(sidecarName('notes.md')));
    assert.ok(!matches('article.txt') && !matches('config.yaml'));
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/\*\*$/m, 'the schema is packaged with the extension');
  });
});
