import * as vscode from 'vscode';
import { readSettings } from './settings';

/**
 * Articles wrap at the window's edge, without a change to anyone's settings.
 *
 * VS Code has no API to set an editor's word wrap (microsoft/vscode#136927, #92177), and a default for the
 * `plaintext` language (`configurationDefaults`) would wrap every text file of the user, not only articles.
 * What it has is Toggle Word Wrap (Alt+Z), which wraps one file in memory and writes no setting. So: the first
 * time an article whose `editor.wordWrap` is "off" comes to the front, it is toggled on, once per opening of
 * the file. The user's own Alt+Z then turns it off again and it stays off; a user who set `editor.wordWrap`
 * (for plain text, or at all) keeps what they chose; `sourceAnnotator.wordWrap: false` turns this off.
 */
export class ArticleWordWrap implements vscode.Disposable {
  /** The articles toggled on, as long as the file is open (VS Code forgets a toggle when it closes the file). */
  private readonly wrapped = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly isArticle: (uri: vscode.Uri) => boolean) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(editor => void this.wrap(editor)),
      vscode.workspace.onDidCloseTextDocument(document => this.wrapped.delete(document.uri.toString())),
    ];
    void this.wrap(vscode.window.activeTextEditor);
  }

  /** Whether this article was wrapped by us (for tests). */
  isWrapped(uri: vscode.Uri): boolean {
    return this.wrapped.has(uri.toString());
  }

  private async wrap(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor !== vscode.window.activeTextEditor) return;
    const { document } = editor;
    const key = document.uri.toString();
    if (this.wrapped.has(key) || !this.isArticle(document.uri)) return;
    if (!readSettings().wordWrap) return;
    if (!offByDefault(document)) return;
    this.wrapped.add(key);
    // the toggle acts on the editor in front: it is this one, as the event that brought it there has just fired
    await vscode.commands.executeCommand('editor.action.toggleWordWrap');
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Whether the document's `editor.wordWrap` is VS Code's own "off": no one set it (for its language or at all), and no default wraps it (Markdown's does). */
function offByDefault(document: vscode.TextDocument): boolean {
  const set = vscode.workspace.getConfiguration('editor', document).inspect<string>('wordWrap');
  if (!set) return false;
  const chosen = [set.globalValue, set.workspaceValue, set.workspaceFolderValue, set.globalLanguageValue, set.workspaceLanguageValue, set.workspaceFolderLanguageValue];
  return chosen.every(v => v === undefined) && (set.defaultLanguageValue ?? set.defaultValue ?? 'off') === 'off';
}
