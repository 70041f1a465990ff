import type { EntityType } from '../core/model';
import type { StoryEvent } from '../core/events';
import { encodeSnapshot, sameFingerprint, sameListing, type CorpusSnapshot, type EntityLists } from '../core/corpus/snapshot';
import type { CorpusView } from '../core/corpus';
import type { SnapshotStore } from './snapshotStore';

/** After a change, the lists are kept for the next session once this long has passed without another. */
const KEEP_DELAY_MS = 10_000;

/** What the lists are kept from: the resolved corpus, every article's fingerprint, the folder's listing. */
export interface ListsSource {
  /** The corpus resolved now; undefined while it cannot be kept (a scan is reading the folder). */
  view(): CorpusView | undefined;
  fingerprint(path: string): string | undefined;
  /** What the last whole scan listed. */
  listed(): readonly string[] | undefined;
  /** The events as grouped, when they are (the Events view or an export asked): none are grouped only to be kept. */
  events(): readonly StoryEvent[] | undefined;
}

/**
 * The lists of people, organisations and places, and the timeline of events, as the last session left them,
 * shown while the first scan reads the folder again (a Reload Window on ten thousand articles fills the views
 * at once instead of seconds later). Scenarios:
 * - activation: the stored lists are read and shown at once (the views are told), as VS Code restores a
 *   view: the People view says it is reading meanwhile;
 * - the scan lists the folder: files added or gone since drop the lists;
 * - each resolve during the scan: an article whose fingerprint (text, settings, model, date, annotations)
 *   differs from the stored one — changed while the editor was closed — drops them at once, and the views
 *   show the corpus as read so far;
 * - the user changes anything (types, annotates, a file changes on disk), or the scan ends or is cancelled:
 *   dropped, the corpus itself is shown;
 * - 10 s after a whole scan or after the last change since (and at once when the window closes first): the
 *   lists are kept for the next session, written whole, off the typing path; the events with them when they
 *   are grouped then (the Events view is open, or was since the last change): grouping 10,000 articles'
 *   events takes a second, not spent for a view no one looks at.
 */
export class LastSessionLists {
  private stored: CorpusSnapshot | undefined;
  private listing: readonly string[] | undefined;
  private shown: CorpusSnapshot | undefined;
  /** Once dropped, never shown again this session. */
  private over = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `changed`: the views are to show what `lists()` gives now. */
  constructor(private readonly store: SnapshotStore, private readonly types: readonly EntityType[], private readonly source: ListsSource, private readonly changed: () => void) {
    void store.read().then(snapshot => {
      if (this.over) return; // the folder was read first: not needed, not held
      this.stored = snapshot;
      this.check();
    });
  }

  /** The lists the views show: the last session's while they hold, else undefined (the corpus's own). */
  lists(): EntityLists | undefined {
    return this.shown;
  }

  /** The last session's events while its lists hold and it kept them, else undefined (the corpus's own). */
  events(): readonly StoryEvent[] | undefined {
    return this.shown?.events;
  }

  /** The first scan listed the folder. */
  listedFolder(paths: readonly string[]): void {
    this.listing = paths;
    this.check();
  }

  /** A resolve changed these articles: any whose fingerprint is not the stored one ends the lists. */
  resolved(articles: ReadonlySet<string>): void {
    if (!this.shown) return;
    for (const path of articles) {
      if (!sameFingerprint(this.shown, path, this.source.fingerprint(path))) return this.drop();
    }
  }

  /** The lists no longer hold (the user changed something, the scan ended). */
  drop(): void {
    this.over = true;
    this.stored = undefined;
    if (!this.shown) return;
    this.shown = undefined;
    this.changed();
  }

  /** Shows the stored lists as soon as they are read; drops them when the listing arrives and is not theirs. */
  private check(): void {
    if (this.over || !this.stored) return;
    if (this.listing && !sameListing(this.stored, this.listing)) return this.drop();
    if (this.shown) return;
    this.shown = this.stored;
    this.changed();
  }

  /** Keeps the lists for the next session after KEEP_DELAY_MS without a change (`now`: at once). */
  keep(now = false): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), now ? 0 : KEEP_DELAY_MS);
  }

  /** Writes a pending keep now (the window closes). */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.write(); }
  }

  private write(): void {
    this.timer = undefined;
    const view = this.source.view();
    const listed = this.source.listed();
    if (!view || !listed) return;
    const fingerprints = new Map<string, string>();
    for (const path of view.articles.keys()) {
      const fingerprint = this.source.fingerprint(path);
      if (fingerprint === undefined) return; // not resolved yet: kept after the next change
      fingerprints.set(path, fingerprint);
    }
    let encoded: string;
    try {
      encoded = encodeSnapshot(view, fingerprints, listed, this.types, this.source.events()); // now: the corpus's maps change with the next resolve
    } catch (e) {
      console.warn(`Source Annotator: the lists could not be kept for the next session (${(e as Error).message})`);
      return;
    }
    void this.store.write(encoded);
  }
}
