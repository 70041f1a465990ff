import * as vscode from 'vscode';
import { planBratImport } from '../../core/import/brat';
import { addImported, countAdded, type ImportArticle, type ImportPlan } from '../../core/import/place';
import { planW3cImport } from '../../core/import/w3c';
import type { AnnotationWriter } from '../annotationWriter';
import type { CorpusService } from '../corpusService';
import { author } from './annotate';
import { besideTheWorkspace } from './export';

export type ImportFormat = 'w3c' | 'brat';

/** What an import did, for the message and for tests. */
export interface ImportSummary {
  added: number;
  needsReview: number;
  orphaned: number;
  alreadyThere: number;
  /** Each annotation that could not be placed in any article, in words. */
  notPlaced: string[];
  /** Articles whose sidecar could not be saved (the error was shown). */
  failed: string[];
}

const CHOICES = [
  { label: '$(file) W3C Web Annotation file…', detail: 'A .json or .jsonld file from Hypothesis, Recogito or an export of Source Annotator', format: 'w3c', folder: false },
  { label: '$(folder) Folder of W3C Web Annotation files…', detail: 'Every .json and .jsonld file in it', format: 'w3c', folder: true },
  { label: '$(file) brat .ann file…', detail: 'From brat or INCEpTION; the .txt beside it is used to find its text again', format: 'brat', folder: false },
  { label: '$(folder) Folder of brat files…', detail: 'Every .ann file in it, each for the article of the same name', format: 'brat', folder: true },
] as const;

const decoder = new TextDecoder();
const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
}

/** Files under a folder (recursively, by name) ending with one of the suffixes, with their paths relative to it; a file is itself. */
async function filesOf(uri: vscode.Uri, suffixes: string[]): Promise<{ uri: vscode.Uri; relative: string }[]> {
  if (!(await isFolder(uri))) return [{ uri, relative: uri.path.slice(uri.path.lastIndexOf('/') + 1) }];
  const found: { uri: vscode.Uri; relative: string }[] = [];
  const walk = async (dir: vscode.Uri, prefix: string) => {
    for (const [name, type] of (await vscode.workspace.fs.readDirectory(dir)).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) { if (!name.startsWith('.') && name !== 'node_modules') await walk(child, `${prefix}${name}/`); }
      else if (suffixes.some(s => name.toLowerCase().endsWith(s))) found.push({ uri: child, relative: prefix + name });
    }
  };
  await walk(uri, '');
  return found;
}

/**
 * Import Annotations…: annotations made in Hypothesis, Recogito (W3C Web Annotation), brat or INCEpTION (brat
 * standoff), or exported by Source Annotator, placed in the workspace's articles as the sidecars place them and
 * saved through the one writer (a sidecar that cannot be read is never overwritten: its article is left out).
 */
export class ImportCommand {
  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter) {}

  async run(format?: ImportFormat, source?: vscode.Uri): Promise<ImportSummary | undefined> {
    if (!format || !source) {
      const choice = await vscode.window.showQuickPick(CHOICES, { title: 'Import annotations from…' });
      if (!choice) return undefined;
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: choice.folder, canSelectFiles: !choice.folder, canSelectMany: false, openLabel: 'Import', title: choice.label.replace(/^\$\(\w+\) /, 'Import from a '),
        ...(choice.folder ? {} : { filters: choice.format === 'w3c' ? { 'W3C Web Annotation': ['json', 'jsonld'] } : { 'brat annotations': ['ann'] } }),
        defaultUri: besideTheWorkspace(),
      });
      if (!picked?.[0]) return undefined;
      format = choice.format;
      source = picked[0];
    }
    await this.corpus.ready();
    this.corpus.flushPending();
    const articles: ImportArticle[] = [...this.corpus.view().articles.values()].map(a => ({ path: a.path, relative: vscode.workspace.asRelativePath(vscode.Uri.parse(a.path), false), text: a.text, view: a }));
    const defaults = { author: author(), now: new Date().toISOString() };
    const plan = format === 'w3c' ? planW3cImport(await this.w3cDocuments(source), articles, defaults) : planBratImport(await this.bratDocuments(source), articles, defaults);
    const summary = await this.save(plan, articles);
    this.tell(summary);
    return summary;
  }

  private async w3cDocuments(source: vscode.Uri): Promise<unknown[]> {
    const docs: unknown[] = [];
    for (const file of await filesOf(source, ['.json', '.jsonld'])) {
      try {
        docs.push(JSON.parse(await read(file.uri)));
      } catch (e) {
        void vscode.window.showWarningMessage(`${file.relative} is not JSON and was left out: ${(e as Error).message}`);
      }
    }
    return docs;
  }

  private async bratDocuments(source: vscode.Uri): Promise<{ name: string; ann: string; txt?: string }[]> {
    return Promise.all((await filesOf(source, ['.ann'])).map(async file => {
      const txt = file.uri.with({ path: file.uri.path.replace(/\.ann$/i, '.txt') });
      let text: string | undefined;
      try { text = await read(txt); } catch { /* no copy of the text: the article's own is used */ }
      return { name: file.relative.replace(/\.ann$/i, ''), ann: await read(file.uri), ...(text !== undefined ? { txt: text } : {}) };
    }));
  }

  private async save(plan: ImportPlan, articles: ImportArticle[]): Promise<ImportSummary> {
    const summary: ImportSummary = { added: 0, needsReview: 0, orphaned: 0, alreadyThere: 0, notPlaced: plan.notPlaced, failed: [] };
    for (const article of articles) {
      const incoming = plan.articles.get(article.path);
      if (!incoming) continue;
      let outcome: ReturnType<typeof addImported> | undefined;
      try {
        await this.writer.save(vscode.Uri.parse(article.path), article.text, list => (outcome = addImported(list, incoming.map(i => i.annotation))).list);
      } catch {
        summary.failed.push(article.relative); // the writer showed why
        continue;
      }
      const counts = countAdded(incoming, outcome!.added);
      summary.added += counts.added;
      summary.needsReview += counts.needsReview;
      summary.orphaned += counts.orphaned;
      summary.alreadyThere += outcome!.alreadyThere;
    }
    return summary;
  }

  private tell(s: ImportSummary): void {
    const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
    const parts = [`Imported ${plural(s.added, 'annotation')}`];
    if (s.needsReview) parts.push(`${plural(s.needsReview, 'needs', 'need')} review`);
    if (s.orphaned) parts.push(`${plural(s.orphaned, 'was', 'were')} not found in the text (orphaned)`);
    if (s.alreadyThere) parts.push(`${plural(s.alreadyThere, 'was', 'were')} already there`);
    let message = parts.join('; ') + '.';
    if (s.notPlaced.length) message += ` ${plural(s.notPlaced.length, 'annotation')} could not be placed in any article: ${s.notPlaced[0]}${s.notPlaced.length > 1 ? ' …' : ''}`;
    const show = s.notPlaced.length || s.failed.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(message, ...(s.needsReview || s.orphaned ? ['Show Annotations'] : [])).then(choice => {
      if (choice) void vscode.commands.executeCommand('sourceAnnotator.annotations.focus');
    });
  }
}
