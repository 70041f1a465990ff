import * as vscode from 'vscode';
import type { Span } from '../core/text/span';
import type { TextChange } from '../core/annotations/edits';

/** Core spans are offsets into the text exactly as VS Code holds it; conversion happens only here. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function toSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

export function toTextChange(change: vscode.TextDocumentContentChangeEvent): TextChange {
  return { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, insertedLength: change.text.length };
}

/** Offsets to a range without an open document (for files only on disk): counts lines in the text. */
export function rangeInText(text: string, span: Span): vscode.Range {
  const position = (offset: number) => {
    let line = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
    return new vscode.Position(line, offset - lineStart);
  };
  return new vscode.Range(position(span.start), position(span.end));
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
