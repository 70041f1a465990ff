import picomatch from 'picomatch/posix';
import { SIDECAR_SUFFIX } from './annotations/model';
import { EXPORT_FILE_NAMES, FOLDER_FORMATS } from './export/formats';

/**
 * Which files of a folder are articles: those matching the `articles` glob and not the `exclude` glob
 * (both workspace-relative, as in the settings `sourceAnnotator.articles` and `sourceAnnotator.exclude`),
 * never a file Source Annotator writes itself. One policy for the extension's scan, its file watcher and
 * the CLI, so that an export written into the folder never shows up as an article on the next read.
 */
export interface ArticlePatterns {
  articles: string;
  exclude: string;
  /** Match the globs regardless of case (the CLI reads `NOTES.TXT` as it always did). */
  ignoreCase?: boolean;
}

export const DEFAULT_ARTICLE_PATTERNS: ArticlePatterns = { articles: '**/*.{txt,md}', exclude: '**/{node_modules,.git,dist,out}/**' };

const EXPORTS = new Set(Object.values(EXPORT_FILE_NAMES));
/** The folders an export writes (brat's .txt files are copies of the articles, not articles). */
const EXPORT_FOLDERS = new Set([...FOLDER_FORMATS].map(f => EXPORT_FILE_NAMES[f]));
const inExportFolder = (relativePath: string) => relativePath.split('/').slice(0, -1).some(folder => EXPORT_FOLDERS.has(folder));

/** A file Source Annotator writes: an export, a sidecar, or the temporary file of a save in progress (`.name.….tmp`). */
export function isOwnFile(fileName: string): boolean {
  return EXPORTS.has(fileName) || fileName.endsWith(SIDECAR_SUFFIX) || (fileName.startsWith('.') && fileName.endsWith('.tmp'));
}

/** Whether a workspace-relative path (`/`-separated) names an article. */
export function isArticlePath(relativePath: string, patterns: ArticlePatterns): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return !isOwnFile(name) && !inExportFolder(relativePath)
    && globMatches(patterns.articles, relativePath, patterns.ignoreCase)
    && !globMatches(patterns.exclude, relativePath, patterns.ignoreCase);
}

/** Whether everything under a workspace-relative folder is excluded (a walk need not go into it). */
export function isExcludedFolder(relativeFolder: string, patterns: ArticlePatterns): boolean {
  return inExportFolder(`${relativeFolder.replace(/\/$/, '')}/`) || globMatches(patterns.exclude, `${relativeFolder.replace(/\/$/, '')}/`, patterns.ignoreCase);
}

const compiled = new Map<string, (path: string) => boolean>();

/**
 * Whether a workspace-relative path matches a glob, as VS Code's `findFiles` reads it (picomatch): `*`, `**`,
 * `?`, `{a,b}`, `[abc]`, `[a-z]` and `[!0-9]`; a dot file is matched like any other; a leading `!` is a
 * character, not a negation (findFiles has none). So the folder's scan and the test of one file agree.
 */
export function globMatches(glob: string, path: string, ignoreCase = false): boolean {
  if (!glob) return false; // an emptied setting matches nothing
  const key = `${ignoreCase ? 'i' : 's'}${glob}`;
  let match = compiled.get(key);
  if (!match) {
    match = picomatch(glob, { dot: true, posix: true, nonegate: true, nocase: ignoreCase });
    if (compiled.size > 100) compiled.clear();
    compiled.set(key, match);
  }
  return match(path);
}
