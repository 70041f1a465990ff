import * as vscode from 'vscode';

const decoder = new TextDecoder('utf-8');

/** The open (not closed) document of an article, by uri. */
export function openDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
}

/** Article bytes as VS Code shows them: UTF-8 without a byte-order mark. */
export function decodeArticle(bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/^\uFEFF/, '');
}

/** A small glob matcher for `**`, `*`, `?` and `{a,b}` against a path's end (patterns are workspace-relative). */
export function globMatches(glob: string, path: string): boolean {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'; i += glob[i + 2] === '/' ? 2 : 1; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(?:^|/)${re}$`).test(path);
}
