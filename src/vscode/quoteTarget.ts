import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

/** Which quote a quote command is about: an article (URI string) and a place in it. */
export interface QuoteTarget {
  path: string;
  start: number;
}

/** A command's argument: {article, start} (API, tests, hover links), [path, start] or path, start. */
function targetOf(args: unknown[]): QuoteTarget | undefined {
  const [first, second] = args;
  if (typeof first === 'string' && typeof second === 'number') return { path: first, start: second };
  if (Array.isArray(first) && typeof first[0] === 'string' && typeof first[1] === 'number') return { path: first[0], start: first[1] };
  const arg = first as { article?: unknown; start?: unknown } | undefined;
  if (arg && typeof arg.article === 'string' && typeof arg.start === 'number') return { path: arg.article, start: arg.start };
  return undefined;
}

/** The place a quote command means: its argument, else the cursor in the active article (when its analysis is current). */
export function quoteTarget(corpus: CorpusService, args: unknown[]): QuoteTarget | undefined {
  const target = targetOf(args);
  if (target) return target;
  const editor = vscode.window.activeTextEditor;
  const article = editor && corpus.article(editor.document.uri);
  return editor && article && article.text === editor.document.getText() ? { path: article.path, start: editor.document.offsetAt(editor.selection.active) } : undefined;
}
