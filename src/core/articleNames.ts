/**
 * How lists name articles: by file name, and with their folder where two articles of the corpus share a
 * file name (`part-01/report.txt` and `part-02/report.txt` would otherwise be two identical rows). Built
 * once per corpus; asking for a name is then a lookup. Paths are the corpus's keys (URIs as strings);
 * `relative` gives the path the user knows (workspace-relative, `/`-separated).
 */
export class ArticleNames {
  private readonly repeated = new Set<string>();

  constructor(paths: Iterable<string>, private readonly relative: (path: string) => string = path => path) {
    const seen = new Set<string>();
    for (const path of paths) {
      const name = fileName(path);
      if (seen.has(name)) this.repeated.add(name);
      else seen.add(name);
    }
  }

  /** The folder that tells this article from another of the same file name; undefined when its name is unique (or it sits at the top). */
  folder(path: string): string | undefined {
    if (!this.repeated.has(fileName(path))) return undefined;
    const relative = this.relative(path);
    const slash = relative.lastIndexOf('/');
    return slash > 0 ? relative.slice(0, slash) : undefined;
  }

  /** The article named in running text: its file name, preceded by its folder where the name repeats. */
  name(path: string): string {
    const folder = this.folder(path);
    return folder ? `${folder}/${fileName(path)}` : fileName(path);
  }
}

/** The file name of an article path (a URI string), decoded: `file:///a/b%20c.txt` → `b c.txt`. */
export function fileName(path: string): string {
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
