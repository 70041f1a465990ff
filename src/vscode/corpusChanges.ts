import * as vscode from 'vscode';

/**
 * The corpus's change event. Bursts of changes (a scan, a git checkout) are coalesced into one event;
 * `now` is for a user's own action. `generation` counts the events: views recompute when it moved.
 */
export class CorpusChanges implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly event = this.changed.event;
  generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Array<() => void> = [];

  /** Resolves once listeners have been told. */
  notify(now = false): Promise<void> {
    const done = new Promise<void>(resolve => this.pending.push(resolve));
    clearTimeout(this.timer);
    const fire = () => {
      this.generation++;
      this.changed.fire();
      for (const resolve of this.pending.splice(0)) resolve();
    };
    if (now) fire();
    else this.timer = setTimeout(fire, 30);
    return done;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
