// Helpers shared by the vscode-API suites (test/integration/*.test.ts), which run with the sample corpus open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/extension';

export const EXTENSION_ID = 'source-annotator.source-annotator';
const decoder = new TextDecoder();

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the sample corpus open as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Polls `probe` until it gives something (an event the extension handles asynchronously), failing after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

export async function openArticle(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `“${needle}” not in ${doc.uri.path}`);
  return doc.positionAt(at);
}

/** The extension's API once it is active and has read the corpus (activating it by opening an article). */
export async function activeApi(article: string): Promise<SourceAnnotatorApi> {
  const extension = vscode.extensions.getExtension<SourceAnnotatorApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await openArticle(article); // opening a plain-text article activates the extension
  const api = await extension.activate();
  await api.ready();
  return api;
}
