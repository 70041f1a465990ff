// Which files are articles: one policy for the extension's scan, its file watcher and the CLI
// (src/core/articlePolicy.ts). The files Source Annotator writes itself are never articles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ARTICLE_PATTERNS, globMatches, isArticlePath, isExcludedFolder, isOwnFile } from '../../src/core/articlePolicy';
import { EXPORT_FILE_NAMES } from '../../src/core/export/formats';
import { runCli } from './helpers';

const articles = (...paths: string[]) => paths.filter(p => isArticlePath(p, DEFAULT_ARTICLE_PATTERNS));

describe('article policy', () => {
  it('reads text and Markdown files anywhere in the folder, not in node_modules, .git, dist or out', () => {
    assert.deepEqual(
      articles('a.txt', 'notes.md', 'part-01/report.txt', 'deep/er/x.md', 'a.pdf', 'a.txt.bak', 'node_modules/pkg/README.md', '.git/x.txt', 'dist/a.txt', 'part-01/out/b.md', 'outlook/c.txt'),
      ['a.txt', 'notes.md', 'part-01/report.txt', 'deep/er/x.md', 'outlook/c.txt'],
    );
  });

  it('never counts an export, a sidecar or the temporary file of a save as an article, in any folder', () => {
    assert.deepEqual(Object.values(EXPORT_FILE_NAMES).sort(), ['source-annotations-brat', 'source-annotations-claimreview.json', 'source-annotations-report.md', 'source-annotations-timeline.json', 'source-annotations-w3c.jsonld', 'source-annotations.conll', 'source-annotations.csv', 'source-annotations.json']);
    const everything = { articles: '**', exclude: '' };
    for (const own of ['source-annotations-brat/a.txt', 'exports/source-annotations-brat/part-01/b.txt', 'source-annotations-report.md', 'exports/source-annotations.json', 'source-annotations.csv', 'source-annotations-timeline.json', 'a.txt.annotations.yaml', 'part-01/.a.txt.annotations.yaml.lz2k9x.tmp', '.report.md.4711.tmp']) {
      assert.equal(isArticlePath(own, everything), false, own);
    }
    assert.equal(isArticlePath('source-annotations-report.md.txt', everything), true, 'only the exact names');
    assert.equal(isArticlePath('my-source-annotations-report.md', DEFAULT_ARTICLE_PATTERNS), true);
    assert.equal(isArticlePath('report.tmp', everything), true, 'a .tmp file is ours only when hidden');
  });

  it('isOwnFile looks at the file name', () => {
    assert.ok(isOwnFile('source-annotations-report.md'));
    assert.ok(isOwnFile('x.md.annotations.yaml'));
    assert.ok(!isOwnFile('annotations.yaml'));
    assert.ok(!isOwnFile('report.md'));
  });

  it('the user’s globs: articles and exclude, matched against the end of the path', () => {
    const patterns = { articles: 'stories/**/*.txt', exclude: '**/drafts/**' };
    assert.deepEqual(
      ['stories/a.txt', 'stories/2019/b.txt', 'stories/drafts/c.txt', 'other/d.txt', 'stories/e.md'].filter(p => isArticlePath(p, patterns)),
      ['stories/a.txt', 'stories/2019/b.txt'],
    );
  });

  it('globMatches as findFiles reads a glob: *, **, ?, {a,b}, […] and [!…]; case only when asked', () => {
    assert.ok(globMatches('*.txt', 'b.txt'));
    assert.ok(!globMatches('*.txt', 'a/b.txt'), 'relative to the folder, as findFiles: * stays in the top folder');
    assert.ok(globMatches('**/[0-9][0-9]-*.txt', 'a/01-lead.txt'));
    assert.ok(!globMatches('**/[0-9][0-9]-*.txt', 'a/ab-lead.txt'));
    assert.ok(globMatches('**/[!_]*.txt', 'a/story.txt'), '[!…]: any character but those');
    assert.ok(!globMatches('**/[!_]*.txt', 'a/_draft.txt'));
    assert.ok(globMatches('**/*.txt', 'a/.hidden.txt'), 'a dot file is a file like any other');
    assert.ok(!globMatches('!*.txt', 'b.txt'), 'a leading ! is no negation, as in findFiles');
    assert.ok(!globMatches('a/*.txt', 'a/b/c.txt'));
    assert.ok(globMatches('a/**/*.txt', 'a/b/c.txt'));
    assert.ok(globMatches('a/**/*.txt', 'a/c.txt'));
    assert.ok(globMatches('?.md', 'x.md'));
    assert.ok(!globMatches('?.md', 'xy.md'));
    assert.ok(globMatches('*.{txt,md}', 'x.md'));
    assert.ok(!globMatches('*.{txt,md}', 'x.mdx'));
    assert.ok(!globMatches('*.txt', 'NOTES.TXT'));
    assert.ok(globMatches('*.txt', 'NOTES.TXT', true));
    assert.ok(!globMatches('*.txt', 'a.txt/b'), 'the whole end of the path');
    assert.ok(!globMatches('a+b.txt', 'aab.txt'), 'regular-expression characters are literal');
  });

  it('a folder under an excluded one need not be walked', () => {
    assert.ok(isExcludedFolder('node_modules', DEFAULT_ARTICLE_PATTERNS));
    assert.ok(isExcludedFolder('part-01/.git', DEFAULT_ARTICLE_PATTERNS));
    assert.ok(isExcludedFolder('exports/source-annotations-brat', DEFAULT_ARTICLE_PATTERNS), 'a brat export: its .txt files are copies of the articles');
    assert.ok(!isExcludedFolder('part-01', DEFAULT_ARTICLE_PATTERNS));
    assert.ok(!isExcludedFolder('outlook', DEFAULT_ARTICLE_PATTERNS));
  });

  describe('the CLI reads a folder by the same policy', () => {
    let dir = '';
    beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-policy-')); });
    afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

    const write = (name: string, text = 'Kim Jong Un arrived in Hanoi on Tuesday.\n') => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    const analysed = (...inputs: string[]) => {
      const run = runCli('analyze', '--format', 'jsonl', '--rules', ...inputs);
      assert.equal(run.code, 0, run.err);
      return { paths: run.out.trim().split('\n').filter(Boolean).map(line => path.relative(dir, (JSON.parse(line) as { path: string }).path).split(path.sep).join('/')), err: run.err };
    };

    it('skips exports, sidecars, temporary files and excluded folders; reads upper-case extensions as before', () => {
      for (const name of ['a.txt', 'part-01/report.txt', 'part-02/report.txt', 'OLD/NOTES.TXT', 'source-annotations-report.md', 'exports/source-annotations.json', '.a.txt.annotations.yaml.1.tmp', 'node_modules/x/README.md', 'sub/dist/b.md']) write(name);
      write('a.txt.annotations.yaml', 'version: 1\nannotations: []\n'); // a valid sidecar: a refused one makes the exit status 3
      assert.deepEqual(analysed(dir).paths, ['OLD/NOTES.TXT', 'a.txt', 'part-01/report.txt', 'part-02/report.txt']);
    });

    it('a file named on the command line is read, unless Source Annotator wrote it', () => {
      write('notes.rtf');
      write('source-annotations-report.md');
      const run = analysed(path.join(dir, 'notes.rtf'), path.join(dir, 'source-annotations-report.md'));
      assert.deepEqual(run.paths, ['notes.rtf']);
      assert.match(run.err, /source-annotations-report\.md: skipped, written by Source Annotator/);
    });
  });
});
