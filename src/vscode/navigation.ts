import * as vscode from 'vscode';
import { openDocument } from './articleFiles';
import type { CorpusService } from './corpusService';
import { rangeInText, toRange } from './convert';
import { lookup, mentionsOf } from './lookup';
import { outletOf } from '../core/timeline/outlets';

/** Go to References and document highlights over entity mentions: one provider, one core model. */
export class MentionNavigation implements vscode.ReferenceProvider, vscode.DocumentHighlightProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const view = this.corpus.view();
    const m = lookup(view, document, position)?.mention;
    if (!m?.entityId) return undefined;
    return mentionsOf(view, m.entityId).map(({ path, mention }) => {
      const uri = vscode.Uri.parse(path);
      const open = openDocument(path);
      return new vscode.Location(uri, open ? toRange(open, mention) : rangeInText(view.articles.get(path)!.text, mention));
    });
  }

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const view = this.corpus.view();
    const at = lookup(view, document, position);
    const id = at?.mention?.entityId;
    if (!at || !id) return undefined;
    return at.article.mentions.filter(m => m.entityId === id).map(m => new vscode.DocumentHighlight(toRange(document, m), vscode.DocumentHighlightKind.Text));
  }
}

/** Moves the cursor to the next (or previous) mention of the entity under it, across articles in order. */
export async function jumpToMention(corpus: CorpusService, direction: 1 | -1): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const view = corpus.view();
  const at = lookup(view, editor.document, editor.selection.active);
  const id = at?.mention?.entityId;
  if (!at || !id) {
    void vscode.window.setStatusBarMessage('$(info) No person, organisation or place under the cursor', 3000);
    return undefined;
  }
  const all = mentionsOf(view, id);
  const here = all.findIndex(x => x.path === at.article.path && x.mention.start === at.mention!.start);
  const position = (here + direction + all.length) % all.length;
  const target = all[position];
  await revealMention(target.path, target.mention.start, target.mention.end);
  // where the jump went: "Kim Jong Un — 3 of 51, Xinhua"
  const name = view.entities.get(id)?.name ?? target.mention.text;
  const outlet = outletOf(target.path, view.articles.get(target.path)?.text ?? '');
  const where = `${name} — ${(position + 1).toLocaleString('en')} of ${all.length.toLocaleString('en')}, ${outlet}`;
  void vscode.window.setStatusBarMessage(`$(${direction > 0 ? 'arrow-down' : 'arrow-up'}) ${where}`, 6000);
  return where;
}

/** Opens an article and selects a stretch of it (tree items, hover links and the comparison panel use this). */
export async function revealMention(path: string, start: number, end: number, column?: vscode.ViewColumn): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(path));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: true });
  const range = toRange(document, { start, end });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
