import * as vscode from 'vscode';
import { certainlyLongerThan, decodeArticle } from '../core/text/decode';

/** The open (not closed) document of an article, by uri. */
export function openDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
}

/**
 * An article's text read from disk as the editor would show it (src/core/text/decode.ts), or undefined when
 * it is not read at all: not a regular file (a folder or a named pipe with an article's name: a pipe would
 * block the read), or so large that it would not be analysed anyway (its analysis is skipped without the
 * cost of reading it; opening it in the editor brings it in, and the status bar says why it is not analysed).
 */
export async function readArticleFile(uri: vscode.Uri, maxLength: number): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File) || certainlyLongerThan(stat.size, maxLength)) return undefined;
  return decodeArticle(await vscode.workspace.fs.readFile(uri));
}
