import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXPORT_FILE_NAMES as FILES, EXPORT_FORMATS, exportFiles, FORMAT_NAMES, type ExportFormat } from '../../core/export/formats';
import type { CorpusService } from '../corpusService';

/** The formats ticked at first: the reports Export Annotations… always wrote. */
export const REPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'md', 'timelinejs'];

/**
 * Writes the corpus in the formats the user picks by name (JSON, CSV, the Markdown report and TimelineJS ticked
 * at first; W3C Web Annotation, brat, CoNLL, ClaimReview on demand) into a folder they pick. With a folder
 * given (tests, other extensions), the formats given, else the four reports, without asking.
 */
export async function exportAnnotations(corpus: CorpusService, target?: vscode.Uri, formats?: readonly ExportFormat[]): Promise<vscode.Uri[] | undefined> {
  await corpus.ready();
  const chosen = formats ?? (target ? REPORT_FORMATS : (await vscode.window.showQuickPick(
    EXPORT_FORMATS.map(format => ({ label: FORMAT_NAMES[format].label, description: FILES[format], detail: FORMAT_NAMES[format].detail, picked: REPORT_FORMATS.includes(format), format })),
    { canPickMany: true, title: 'Export annotations: choose the formats', placeHolder: 'Tick the formats to write, then Enter' },
  ))?.map(p => p.format));
  if (!chosen?.length) return undefined;
  const folder = target ?? (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here', title: `Export annotations (${chosen.map(f => FORMAT_NAMES[f].label).join(', ')}) to…`,
    defaultUri: besideTheWorkspace(),
  }))?.[0];
  if (!folder) return undefined;
  // what the corpus says now: edits made while the files are written do not reach into them
  const now = corpus.view();
  const view = { ...now, articles: new Map(now.articles), entities: new Map(now.entities) };
  const relative = (article: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(article), false);
  const written: vscode.Uri[] = [];
  for (const format of chosen) {
    const uri = vscode.Uri.joinPath(folder, FILES[format]);
    for (const file of exportFiles(format, view, relative)) {
      const into = file.path ? vscode.Uri.joinPath(uri, ...file.path.split('/')) : uri;
      if (file.path) await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(into, '..'));
      if (into.scheme === 'file') await writeInPieces(into, file.chunks);
      else await vscode.workspace.fs.writeFile(into, new TextEncoder().encode([...file.chunks].join('')));
    }
    written.push(uri);
  }
  if (!target) {
    const report = written[chosen.indexOf('md')];
    void vscode.window.showInformationMessage(`Exported ${view.articles.size} articles to ${folder.path.split('/').pop()}.`, ...(report ? ['Open Report'] : [])).then(choice => {
      if (choice && report) void vscode.commands.executeCommand('markdown.showPreview', report);
    });
  }
  return written;
}

/**
 * Writes an export an article at a time to a temporary sibling renamed over the file, letting the extension
 * host breathe between pieces: a corpus of thousands of articles is never one string in memory, and the
 * editor stays responsive. A failed write leaves no temporary file behind.
 */
async function writeInPieces(uri: vscode.Uri, chunks: Iterable<string>): Promise<void> {
  const temp = path.join(path.dirname(uri.fsPath), `.${path.basename(uri.fsPath)}.${process.pid}.tmp`);
  const file = await fs.open(temp, 'w');
  try {
    let n = 0;
    for (const chunk of chunks) {
      await file.write(chunk);
      if (++n % 50 === 0) await new Promise(resolve => setImmediate(resolve));
    }
    await file.close();
    await fs.rename(temp, uri.fsPath);
  } catch (e) {
    await file.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/**
 * Where the export dialog opens: the folder that holds the workspace folder. An export is a copy of what
 * the folder of articles says, so a user looks for it beside that folder, as for a zip of it — and there it
 * is outside the corpus: the files are never read as articles, and they stay out of the folder's git
 * history unless the user chooses otherwise. (Exported into the workspace anyway, they are still no
 * articles: src/core/articlePolicy.ts.) When that parent is itself in the workspace (a multi-root workspace
 * holding both) or there is none, the dialog's own default is used (usually the home folder).
 */
export function besideTheWorkspace(): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return undefined;
  const parent = vscode.Uri.joinPath(folders[0].uri, '..');
  if (parent.path === folders[0].uri.path) return undefined; // the workspace is a root folder
  return vscode.workspace.getWorkspaceFolder(parent) ? undefined : parent;
}
