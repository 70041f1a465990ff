// `import <folder> --format w3c|brat <file or folder>`: annotations made in other tools, placed in the folder's
// articles (src/core/import) and saved in their sidecars the way every save is (under the sidecar's lock; a
// sidecar that cannot be read is never overwritten, and its article is left out).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planBratImport } from '../core/import/brat';
import { addImported, countAdded, type ImportArticle, type ImportPlan } from '../core/import/place';
import { planW3cImport } from '../core/import/w3c';
import type { LeftOut } from '../cliFiles';
import { readArticle } from '../cliFiles';
import { isFolder, pathExists } from '../node/diskFiles';
import { inputFiles, loadCorpus, saveSidecarFile, sidecarLimit, UsageError } from './load';

export const IMPORT_FORMATS = ['w3c', 'brat'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Files under a folder (recursively, sorted) whose names end with one of the suffixes; a file given is itself. */
function filesOf(input: string, suffixes: string[]): string[] {
  if (!isFolder(input)) return [input];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && suffixes.some(s => entry.name.toLowerCase().endsWith(s))) found.push(full);
    }
  };
  walk(input);
  return found;
}

/** The W3C documents of a file or a folder of .json and .jsonld files; one that is no JSON is said and skipped (a file given alone fails). */
function w3cDocuments(input: string, leftOut: LeftOut): unknown[] {
  const files = filesOf(input, ['.json', '.jsonld']);
  return files.flatMap(file => {
    try {
      return [JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))];
    } catch (e) {
      if (files.length === 1 && !isFolder(input)) throw new Error(`${file} cannot be read as JSON: ${(e as Error).message}`);
      leftOut.skip(file, `not JSON (${(e as Error).message})`);
      return [];
    }
  });
}

/** The brat documents of an .ann file or a folder: each .ann with the .txt beside it, named by its path without `.ann`. */
function bratDocuments(input: string): { name: string; ann: string; txt?: string }[] {
  const root = isFolder(input) ? input : path.dirname(input);
  return filesOf(input, ['.ann']).map(file => {
    const txt = file.replace(/\.ann$/i, '.txt');
    return {
      name: path.relative(root, file).split(path.sep).join('/').replace(/\.ann$/i, ''),
      ann: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
      ...(fs.existsSync(txt) ? { txt: fs.readFileSync(txt, 'utf8').replace(/^\uFEFF/, '') } : {}),
    };
  });
}

/** The folder's articles as an import sees them (brat: with what the analysis shows in them). */
function importArticles(folder: string, format: ImportFormat, flags: Map<string, string>, leftOut: LeftOut): ImportArticle[] {
  const files = inputFiles([folder], leftOut);
  const relative = (file: string) => path.relative(folder, file).split(path.sep).join('/');
  if (format === 'brat') {
    const view = loadCorpus(files, flags, leftOut).corpus.resolve();
    return [...view.articles.values()].map(a => ({ path: a.path, relative: relative(a.path), text: a.text, view: a }));
  }
  return files.flatMap(file => {
    const text = readArticle(file, leftOut);
    return text === undefined ? [] : [{ path: file, relative: relative(file), text }];
  });
}

interface ArticleResult { path: string; added: number; needsReview: number; orphaned: number; alreadyThere: number }

/** Saves the plan, an article's sidecar at a time; an article whose sidecar cannot be saved is said and left out. */
function savePlan(plan: ImportPlan, articles: ImportArticle[], flags: Map<string, string>, leftOut: LeftOut): ArticleResult[] {
  const results: ArticleResult[] = [];
  for (const article of articles) {
    const incoming = plan.articles.get(article.path);
    if (!incoming) continue;
    let outcome: ReturnType<typeof addImported> | undefined;
    try {
      saveSidecarFile(article.path, article.text, list => (outcome = addImported(list, incoming.map(i => i.annotation))).list, { maxBytes: sidecarLimit(flags) });
    } catch (e) {
      leftOut.skip(article.path, `nothing imported: ${(e as Error).message}`);
      continue;
    }
    results.push({ path: article.relative, ...countAdded(incoming, outcome!.added), alreadyThere: outcome!.alreadyThere });
  }
  return results;
}

export function importCommand(positional: string[], flags: Map<string, string>, leftOut: LeftOut): void {
  const format = flags.get('format') as ImportFormat;
  if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`import needs --format ${IMPORT_FORMATS.join(' or ')}`);
  const [folder, input] = positional;
  if (!folder || !input) throw new UsageError('import needs the folder of articles and the file or folder to import');
  if (!isFolder(folder)) throw new UsageError(`${folder} is not a folder of articles`);
  if (!pathExists(input)) throw new UsageError(`no such file or folder: ${input}`);
  const defaults = { author: flags.get('author') ?? os.userInfo().username, now: new Date().toISOString() };
  const articles = importArticles(folder, format, flags, leftOut);
  const plan = format === 'w3c' ? planW3cImport(w3cDocuments(input, leftOut), articles, defaults) : planBratImport(bratDocuments(input), articles, defaults);
  const results = savePlan(plan, articles, flags, leftOut);
  for (const why of plan.notPlaced) leftOut.skip(input, why);
  const total = (key: keyof Omit<ArticleResult, 'path'>) => results.reduce((n, r) => n + r[key], 0);
  process.stdout.write(JSON.stringify({
    added: total('added'), needsReview: total('needsReview'), orphaned: total('orphaned'), alreadyThere: total('alreadyThere'),
    ...(format === 'brat' ? { alreadyShown: plan.alreadyShown } : {}), notPlaced: plan.notPlaced.length, articles: results,
  }, null, 2) + '\n');
}
