// How tree rows name articles (src/core/articleNames.ts): by file name, with the folder where names repeat.
import * as assert from 'node:assert/strict';
import { ArticleNames, fileName } from '../../src/core/articleNames';

const ROOT = 'file:///home/reporter/archive/';
const relative = (path: string) => decodeURIComponent(path.slice(ROOT.length));

describe('article names', () => {
  const paths = ['part-01/report.txt', 'part-02/report.txt', 'part-02/kim.txt', 'report.txt', '2019/part-01/wire%20copy.md', 'notes/wire%20copy.md', 'solo.md'].map(p => ROOT + p);
  const names = new ArticleNames(paths, relative);

  it('an article whose file name is its own is named by it alone', () => {
    assert.equal(names.folder(ROOT + 'part-02/kim.txt'), undefined);
    assert.equal(names.name(ROOT + 'part-02/kim.txt'), 'kim.txt');
    assert.equal(names.name(ROOT + 'solo.md'), 'solo.md');
  });

  it('articles sharing a file name are told apart by their folder', () => {
    assert.equal(names.folder(ROOT + 'part-01/report.txt'), 'part-01');
    assert.equal(names.folder(ROOT + 'part-02/report.txt'), 'part-02');
    assert.equal(names.name(ROOT + 'part-02/report.txt'), 'part-02/report.txt');
    assert.equal(names.folder(ROOT + '2019/part-01/wire%20copy.md'), '2019/part-01', 'the whole folder, decoded');
    assert.equal(names.name(ROOT + 'notes/wire%20copy.md'), 'notes/wire copy.md');
  });

  it('the one at the top of the workspace keeps its bare name; the others name their folder', () => {
    assert.equal(names.folder(ROOT + 'report.txt'), undefined);
    assert.equal(names.name(ROOT + 'report.txt'), 'report.txt');
    const rows = ['part-01/report.txt', 'part-02/report.txt', 'report.txt'].map(p => names.name(ROOT + p));
    assert.equal(new Set(rows).size, rows.length, `no two rows alike: ${rows.join(', ')}`);
  });

  it('a name repeats only within the corpus it was built from', () => {
    const alone = new ArticleNames([ROOT + 'part-01/report.txt', ROOT + 'part-02/kim.txt'], relative);
    assert.equal(alone.name(ROOT + 'part-01/report.txt'), 'report.txt');
  });

  it('fileName decodes the last segment of a URI, and leaves a broken escape as written', () => {
    assert.equal(fileName('file:///a/b%20c.txt'), 'b c.txt');
    assert.equal(fileName('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(fileName('file:///a/100%.txt'), '100%.txt');
  });
});
