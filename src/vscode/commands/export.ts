import * as vscode from 'vscode';
import { exportAs, type ExportFormat } from '../../core/export';
import type { CorpusService } from '../corpusService';

const FILES: Record<ExportFormat, string> = { json: 'source-annotations.json', csv: 'source-annotations.csv', md: 'source-annotations-report.md' };

/** Writes JSON, CSV and a Markdown report of the whole corpus into a folder the user picks. */
export async function exportAnnotations(corpus: CorpusService, target?: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  await corpus.ready();
  const folder = target ?? (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here', title: 'Export annotations (JSON, CSV and a Markdown report) to…',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  }))?.[0];
  if (!folder) return undefined;
  const view = corpus.view();
  const relative = (path: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(path), false);
  const written: vscode.Uri[] = [];
  const encoder = new TextEncoder();
  for (const format of Object.keys(FILES) as ExportFormat[]) {
    const uri = vscode.Uri.joinPath(folder, FILES[format]);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(exportAs(format, view, relative)));
    written.push(uri);
  }
  if (!target) {
    void vscode.window.showInformationMessage(`Exported ${view.articles.size} articles to ${folder.path.split('/').pop()}.`, 'Open Report').then(choice => {
      if (choice) void vscode.commands.executeCommand('markdown.showPreview', written[2]);
    });
  }
  return written;
}
