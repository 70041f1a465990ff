import * as vscode from 'vscode';
import { isArticlePath, type ArticlePatterns } from '../core/articlePolicy';
import { certainlyLongerThan, decodeArticle, mostBytes } from '../core/text/decode';
import { readFileFacts } from './files';

/** The open (not closed) document of an article, by uri. */
export function openDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
}

/**
 * The workspace's articles, at most `limit` of them, and whether the folder holds more. `findFiles` is asked
 * for one more than the limit; files the policy refuses (our exports, sidecars) do not count, so if some came
 * back it is asked again for more until the answer is sure. Cancelled while listing: none.
 */
export async function findArticles(patterns: ArticlePatterns, limit: number, token?: vscode.CancellationToken): Promise<{ uris: vscode.Uri[]; more: boolean }> {
  for (let asked = limit + 1; ;) {
    const found = await vscode.workspace.findFiles(patterns.articles, patterns.exclude, asked, token).then(undefined, (e: unknown) => {
      if (token?.isCancellationRequested) return [];
      throw e;
    });
    const relative = relativePaths();
    const articles = found.filter(uri => isArticlePath(relative(uri), patterns));
    if (found.length < asked || articles.length > limit || token?.isCancellationRequested) {
      return { uris: articles.slice(0, limit), more: articles.length > limit };
    }
    asked += 2 * (found.length - articles.length);
  }
}

/**
 * A file's path relative to the workspace folder that holds it (the innermost), as `asRelativePath(uri, false)`
 * gives it, without its cost for each of a folder's files (43 µs a file in a profile of a scan of 10,000): the
 * folder's own path cut off the front; a file under none of them is VS Code's to answer.
 */
export function relativePaths(folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): (uri: vscode.Uri) => string {
  const roots = folders.map(f => ({ scheme: f.uri.scheme, authority: f.uri.authority, path: f.uri.path.endsWith('/') ? f.uri.path : `${f.uri.path}/` })).sort((a, b) => b.path.length - a.path.length);
  return uri => {
    const root = roots.find(r => r.scheme === uri.scheme && r.authority === uri.authority && uri.path.startsWith(r.path) && uri.path.length > r.path.length);
    return root ? uri.path.slice(root.path.length) : vscode.workspace.asRelativePath(uri, false);
  };
}

/**
 * An article's text read from disk as the editor would show it (src/core/text/decode.ts), or undefined when
 * it is not read at all: not a regular file (a folder or a named pipe with an article's name: a pipe would
 * block the read), or so large that it would not be analysed anyway (its analysis is skipped without the
 * cost of reading it; opening it in the editor brings it in, and the status bar says why it is not analysed).
 */
export async function readArticleFile(uri: vscode.Uri, maxLength: number): Promise<ArticleFile | undefined> {
  const file = await readFileFacts(uri, mostBytes(maxLength));
  if (!file) throw new Error(`${uri.path} is gone`);
  if (!file.bytes || certainlyLongerThan(file.bytes.length, maxLength)) return undefined;
  return { text: decodeArticle(file.bytes), modified: file.modified };
}

/** An article as read from disk, with when the file was last changed (ms since 1970): the guess at its date when its text states none. */
export interface ArticleFile {
  text: string;
  modified: number;
}
