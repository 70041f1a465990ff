// `export <folder> --format F [--out <file or folder>]`: the corpus's annotations in one of the export formats
// (src/core/export/formats.ts). One file (or stdout) for most; a folder of .txt and .ann files for brat.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeErrorWords } from '../core/annotations/saveErrors';
import { EXPORT_FILE_NAMES, EXPORT_FORMATS, exportFiles, FOLDER_FORMATS, type ExportFormat } from '../core/export/formats';
import type { LeftOut } from '../cliFiles';
import { isFolder } from '../node/diskFiles';
import { inputFiles, loadCorpus, UsageError } from './load';

export function exportCommand(positional: string[], flags: Map<string, string>, leftOut: LeftOut): void {
  const format = (flags.get('format') ?? 'json') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown format ${format}: ${EXPORT_FORMATS.join(', ')}`);
  const folder = positional[0];
  if (!folder) throw new UsageError('export needs a folder');
  const out = flags.get('out');
  const root = isFolder(folder) ? folder : path.dirname(folder);
  if (FOLDER_FORMATS.has(format)) checkFolderOut(format, out, root);
  const view = loadCorpus(inputFiles([folder], leftOut), flags, leftOut).corpus.resolve();
  const files = exportFiles(format, view, p => path.relative(root, p).split(path.sep).join('/'));
  if (!out) {
    for (const file of files) for (const chunk of file.chunks) process.stdout.write(chunk);
    return;
  }
  let written = 0;
  for (const file of files) {
    const target = file.path ? path.join(out, ...file.path.split('/')) : out;
    if (file.path) fs.mkdirSync(path.dirname(target), { recursive: true });
    writeAtomic(target, file.chunks);
    written++;
  }
  process.stderr.write(FOLDER_FORMATS.has(format) ? `wrote ${written} files in ${out}\n` : `wrote ${out}\n`);
}

/**
 * A folder format needs --out, a folder; inside the folder of articles only under the export's own name (its
 * .txt files are copies of the articles, and would be read as articles anywhere else there).
 */
function checkFolderOut(format: ExportFormat, out: string | undefined, root: string): void {
  if (!out) throw new UsageError(`--format ${format} writes a folder of files: give it with --out`);
  if (fs.existsSync(out) && !isFolder(out)) throw new UsageError(`--out ${out} is a file; --format ${format} writes a folder`);
  const inside = path.relative(path.resolve(root), path.resolve(out));
  const own = EXPORT_FILE_NAMES[format];
  if (!inside.startsWith('..') && !path.isAbsolute(inside) && !inside.split(path.sep).includes(own)) {
    throw new UsageError(`--out ${out} is inside the folder of articles, where its .txt files would be read as articles: write it elsewhere, or into a folder named ${own}`);
  }
}

/** Writes the pieces to a temporary sibling, then renames it over the file: never half a file, never a temporary file left. */
export function writeAtomic(file: string, chunks: Iterable<string>): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'w');
    for (const chunk of chunks) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new Error(`cannot write ${file}: ${code === 'EISDIR' ? 'a folder has that name' : writeErrorWords(code)}; nothing was written`);
  }
}