// Sidecars in git: a merge of two branches that each add annotations never conflicts once the merge driver is
// installed (it merges by id, three-way); a sidecar left with conflict markers is reported as such, never read
// as broken YAML nor overwritten.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import { mergeSidecarTexts } from '../../src/core/annotations/mergeSidecars';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { runCli as cli } from './helpers';

const TEXT = 'Donald Trump met Kim Jong Un in Hanoi on Wednesday.\n';
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
function note(id: string, words: string, updated = '2019-02-27T09:00:00.000Z', text = 'a note'): Annotation {
  return { id, kind: 'note', note: text, links: {}, author: 'someone', created: '2019-02-27T09:00:00.000Z', updated, anchor: makeAnchor(TEXT, at(words)) };
}
const file = (...annotations: Annotation[]) => serializeSidecar({ version: 1, article: 'a.txt', contentHash: 'h', annotations } as Sidecar);
const ids = (content: string) => parseSidecar(content, 'a.txt').sidecar!.annotations.map(a => a.id).sort();

describe('sidecars in git: merged by id', () => {
  it('two branches that each add an annotation: both are kept', () => {
    const base = file(note('n-base', 'Hanoi'));
    const merged = mergeSidecarTexts(base, file(note('n-base', 'Hanoi'), note('n-ours', 'Kim Jong Un')), file(note('n-base', 'Hanoi'), note('n-theirs', 'Donald Trump')), 'a.txt');
    assert.ok('content' in merged);
    assert.deepEqual(ids(merged.content), ['n-base', 'n-ours', 'n-theirs']);
  });

  it('a deletion on one side wins over an annotation the other left alone; an edit on both sides goes to the later one', () => {
    const base = file(note('n-1', 'Hanoi'), note('n-2', 'Wednesday'));
    const ours = file(note('n-2', 'Wednesday', '2019-03-01T00:00:00.000Z', 'ours, later'));
    const theirs = file(note('n-1', 'Hanoi'), note('n-2', 'Wednesday', '2019-02-28T00:00:00.000Z', 'theirs, earlier'));
    const merged = mergeSidecarTexts(base, ours, theirs, 'a.txt');
    assert.ok('content' in merged);
    assert.deepEqual(merged.sidecar.annotations.map(a => [a.id, a.note]), [['n-2', 'ours, later']]);
  });

  it('a file added on both branches (no ancestor) keeps the annotations of both', () => {
    const merged = mergeSidecarTexts('', file(note('n-ours', 'Hanoi')), file(note('n-theirs', 'Wednesday')), 'a.txt');
    assert.ok('content' in merged);
    assert.deepEqual(ids(merged.content), ['n-ours', 'n-theirs']);
  });

  it('a side that is not a readable sidecar is not merged by id (git merges it line by line instead)', () => {
    const merged = mergeSidecarTexts(file(), file(note('n-1', 'Hanoi')), 'annotations: [unclosed', 'a.txt');
    assert.ok('refused' in merged);
    assert.equal(merged.refused.side, 'theirs');
  });

  it('a sidecar with conflict markers is reported as such, at the marker’s line', () => {
    const ours = file(note('n-ours', 'Hanoi')).split('\n');
    const conflicted = [...ours.slice(0, 5), '<<<<<<< HEAD', ...ours.slice(5), '=======', '  - id: n-theirs', '>>>>>>> other'].join('\n');
    const parsed = parseSidecar(conflicted, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /git conflict markers/);
    assert.equal(parsed.problems[0].line, 6);
    assert.equal(parseSidecar(conflicted.replace(/\n/g, '\r\n'), 'a.txt').problems[0].line, 6, 'CRLF');
  });
});

describe('sidecars in git: the merge driver in a real repository', function () {
  this.timeout(60_000); // git processes: a guard, not a time limit
  let repo = '';
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip(); // no git on this machine: nothing to merge with
  });
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-git-'));
    assert.equal(git('init', '-q').code, 0);
    fs.writeFileSync(path.join(repo, 'a.txt'), TEXT);
  });
  afterEach(() => { if (repo) fs.rmSync(repo, { recursive: true, force: true }); });

  const annotate = (words: string, text: string) => {
    const r = cli('annotate', path.join(repo, 'a.txt'), '--start', String(at(words).start), '--end', String(at(words).end), '--kind', 'note', '--note', text);
    assert.equal(r.code, 0, r.err);
  };
  const branchesEachAddingOne = () => {
    annotate('Donald Trump', 'first');
    assert.equal(git('add', '-A').code, 0);
    assert.equal(git('commit', '-qm', 'first').code, 0);
    const main = git('rev-parse', '--abbrev-ref', 'HEAD').out.trim();
    assert.equal(git('checkout', '-qb', 'other').code, 0);
    annotate('Hanoi', 'theirs'); // both added after the first: the same place of the file
    assert.equal(git('commit', '-qam', 'theirs').code, 0);
    assert.equal(git('checkout', '-q', main).code, 0);
    annotate('Wednesday', 'ours');
    assert.equal(git('commit', '-qam', 'ours').code, 0);
    return git('merge', '-q', '--no-edit', 'other');
  };

  it('installed with one command, it merges two branches that each add an annotation without a conflict', () => {
    const installed = cli('install-merge-driver', repo);
    assert.equal(installed.code, 0, installed.err);
    assert.match(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), /^\*\.annotations\.yaml merge=source-annotator$/m);
    assert.equal(cli('install-merge-driver', repo).code, 0, 'twice is harmless');
    assert.equal(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8').match(/merge=source-annotator/g)!.length, 1);
    const merged = branchesEachAddingOne();
    assert.equal(merged.code, 0, merged.out);
    const sidecar = parseSidecar(fs.readFileSync(path.join(repo, 'a.txt.annotations.yaml'), 'utf8'), 'a.txt');
    assert.deepEqual(sidecar.sidecar?.annotations.map(a => a.note).sort(), ['first', 'ours', 'theirs']);
  });

  it('without it, the same merge conflicts, and the sidecar is reported as conflicted', () => {
    const merged = branchesEachAddingOne();
    assert.notEqual(merged.code, 0, 'git’s line merge conflicts');
    const parsed = parseSidecar(fs.readFileSync(path.join(repo, 'a.txt.annotations.yaml'), 'utf8'), 'a.txt');
    assert.match(parsed.problems[0]?.message ?? '', /git conflict markers/);
  });
});
