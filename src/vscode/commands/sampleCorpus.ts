import * as vscode from 'vscode';

/** The folder the sample is copied into, inside the folder the user chooses. */
const FOLDER = 'source-annotator-sample';

/**
 * "Open Sample Corpus" (the Get Started walkthrough's first step): copies the five sample reports of the Hanoi
 * summit that ship with the extension, with their annotations files, into a folder the user chooses, and opens
 * it. A copy, so the user's annotations go to a folder of theirs and never into the extension. A copy already
 * there is opened as it is (the user's annotations in it are kept).
 */
export async function openSampleCorpus(extensionUri: vscode.Uri, parent?: vscode.Uri, open = true): Promise<vscode.Uri | undefined> {
  if (!parent) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Where should the sample articles go?', openLabel: `Put “${FOLDER}” Here`,
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    });
    parent = picked?.[0];
    if (!parent) return undefined;
  }
  const target = vscode.Uri.joinPath(parent, FOLDER);
  const source = vscode.Uri.joinPath(extensionUri, 'sample-corpus');
  await vscode.workspace.fs.createDirectory(target);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
    if (type !== vscode.FileType.File) continue;
    const to = vscode.Uri.joinPath(target, name);
    const there = await vscode.workspace.fs.stat(to).then(() => true, () => false);
    if (!there) await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), to);
  }
  if (open) await vscode.commands.executeCommand('vscode.openFolder', target);
  return target;
}
