import * as vscode from 'vscode';

/**
 * What changed since listeners were last told: the articles whose resolved view changed (added and removed
 * ones too), the entities whose name, forms or counts changed, whether the events changed. `all` when the
 * corpus was rebuilt (settings changed): everything is to be redrawn.
 */
export interface CorpusChange {
  articles: ReadonlySet<string>;
  entities: ReadonlySet<string>;
  events: boolean;
  all: boolean;
}

/** Gathers what successive resolves changed until the next event hands it over. */
export class ChangeAccumulator {
  private articles = new Set<string>();
  private entities = new Set<string>();
  private events = false;
  private all = true;

  add(change: { articles: ReadonlySet<string>; touched: ReadonlySet<string>; events: boolean }): void {
    for (const path of change.articles) this.articles.add(path);
    for (const id of change.touched) this.entities.add(id);
    this.events ||= change.events;
  }

  /** Everything is to be redrawn at the next event. */
  everything(): void {
    this.all = true;
  }

  take(): CorpusChange {
    const out: CorpusChange = { articles: this.articles, entities: this.entities, events: this.events, all: this.all };
    this.articles = new Set();
    this.entities = new Set();
    this.events = false;
    this.all = false;
    return out;
  }
}

/** Whether a change concerns an article: it is among the changed ones, or everything changed. */
export const concerns = (change: CorpusChange | undefined, path: string): boolean => !change || change.all || change.articles.has(path);

/**
 * The corpus's change event, with what changed (`collect`, called when it fires). Bursts of changes (a scan,
 * a git checkout) are coalesced into one event; `now` is for a user's own action. `generation` counts the
 * events: views recompute when it moved.
 */
export class CorpusChanges implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CorpusChange>();
  readonly event = this.changed.event;
  generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Array<() => void> = [];

  constructor(private readonly collect: () => CorpusChange) {}

  /** Resolves once listeners have been told. */
  notify(now = false): Promise<void> {
    const done = new Promise<void>(resolve => this.pending.push(resolve));
    clearTimeout(this.timer);
    const fire = () => {
      this.generation++;
      this.changed.fire(this.collect());
      for (const resolve of this.pending.splice(0)) resolve();
    };
    if (now) fire();
    else this.timer = setTimeout(fire, 30);
    return done;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const resolve of this.pending.splice(0)) resolve(); // no one is told any more: no one waits for it
    this.changed.dispose();
  }
}
