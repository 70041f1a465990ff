// Git and the sidecars: `merge-sidecars`, the merge driver git runs for every `*.annotations.yaml`, merges the
// two branches' annotations by id (src/core/annotations/mergeSidecars.ts); `install-merge-driver` sets it up
// in a repository with one command (the driver in the repository's git config, the attribute in .gitattributes).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleNameOfSidecar, SIDECAR_SUFFIX } from './core/annotations/model';
import { mergeSidecarTexts } from './core/annotations/mergeSidecars';

export const MERGE_DRIVER = 'source-annotator';
const ATTRIBUTE = `*${SIDECAR_SUFFIX} merge=${MERGE_DRIVER}`;

/**
 * git's merge driver: `merge-sidecars <ancestor> <ours> <theirs> [<path in the repository>]`. Writes the merged
 * sidecar over <ours> and returns 0; when a side is not a readable sidecar, says why and leaves git's own
 * line-by-line merge (with conflict markers, which the extension reports as such) in <ours>, returning its status.
 */
export function mergeSidecarsCommand(positional: string[]): number {
  const [ancestorFile, oursFile, theirsFile, repoPath] = positional;
  if (!ancestorFile || !oursFile || !theirsFile) throw new Error('merge-sidecars needs <ancestor> <ours> <theirs> [<path>] (git passes %O %A %B %P)');
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const ours = read(oursFile);
  const article = (repoPath && articleNameOfSidecar(path.basename(repoPath))) || /^article:\s*(.+)$/m.exec(ours)?.[1]?.replace(/^["']|["']$/g, '') || 'article';
  const merged = mergeSidecarTexts(read(ancestorFile), ours, read(theirsFile), article);
  if ('content' in merged) {
    fs.writeFileSync(oursFile, merged.content);
    return 0;
  }
  const { side, problems } = merged.refused;
  process.stderr.write(`source-annotator: ${repoPath ?? oursFile}: ${side === 'ours' ? 'our' : side === 'theirs' ? 'their' : 'the common ancestor’s'} version cannot be read (${problems[0]?.message ?? 'invalid'}, line ${problems[0]?.line ?? 1}); merged line by line instead\n`);
  const git = spawnSync('git', ['merge-file', '-L', 'ours', '-L', 'ancestor', '-L', 'theirs', oursFile, ancestorFile, theirsFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  return git.status === 0 ? 0 : 1;
}

/** `install-merge-driver [folder]`: the driver in the repository's config, the attribute in its .gitattributes. */
export function installMergeDriverCommand(positional: string[], cliFile: string): number {
  const folder = path.resolve(positional[0] ?? '.');
  const git = (...args: string[]) => spawnSync('git', ['-C', folder, ...args], { encoding: 'utf8' });
  const top = git('rev-parse', '--show-toplevel');
  if (top.status !== 0) throw new Error(`${folder} is not in a git repository${top.error ? ` (git: ${top.error.message})` : ''}`);
  const root = top.stdout.trim();
  const quoted = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;
  for (const [key, value] of [['name', 'Source Annotator: annotations merged by id'], ['driver', `${quoted(process.execPath)} ${quoted(cliFile)} merge-sidecars %O %A %B %P`]]) {
    const set = git('config', `merge.${MERGE_DRIVER}.${key}`, value);
    if (set.status !== 0) throw new Error(`git config failed: ${set.stderr.trim()}`);
  }
  const attributes = path.join(root, '.gitattributes');
  const existing = fs.existsSync(attributes) ? fs.readFileSync(attributes, 'utf8') : '';
  const has = existing.split(/\r?\n/).some(line => line.trim() === ATTRIBUTE);
  if (!has) fs.writeFileSync(attributes, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${ATTRIBUTE}\n`);
  process.stdout.write(`merge driver "${MERGE_DRIVER}" set in ${path.join(root, '.git', 'config')}${has ? '' : `; "${ATTRIBUTE}" added to ${attributes} (commit it, and run this command in every clone)`}\n`);
  return 0;
}
