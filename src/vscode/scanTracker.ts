import * as vscode from 'vscode';

/** Where the reading of the workspace's articles stands: what the views and notifications show of it. */
export interface ScanProgress {
  /** Counts the scans since activation: a new number is a new scan. */
  readonly scan: number;
  readonly running: boolean;
  /** Articles read so far. */
  readonly read: number;
  /** How many articles this scan reads; undefined while the folder is still being listed. */
  readonly total: number | undefined;
  /** Set when the folder holds more articles than the setting `sourceAnnotator.maxArticles`: that limit. */
  readonly limitedTo: number | undefined;
  /** The user (or a newer scan) stopped this one before it read every article. */
  readonly cancelled: boolean;
}

/** One scan, as its reader sees it: a token to stop at, and reports of how far it got. */
export interface ScanHandle {
  readonly token: vscode.CancellationToken;
  report(change: Partial<Pick<ScanProgress, 'read' | 'total' | 'limitedTo'>>): void;
  end(): void;
}

/** What others see of the scans: where the latest stands, its changes, and a way to stop it. */
export interface ScanStatus {
  readonly current: ScanProgress;
  readonly onDidChange: vscode.Event<ScanProgress>;
  /** Stops the running scan after the article it is reading; what it read stays. */
  cancel(): void;
}

/**
 * Keeps the progress of the latest scan and tells listeners about it. Starting a scan cancels the one
 * running (a settings change mid-scan); reports of a superseded scan are dropped, so the views never go back
 * to an older count, and only the latest scan's end says "done".
 */
export class ScanTracker implements ScanStatus, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ScanProgress>();
  readonly onDidChange = this.changed.event;
  private state: ScanProgress = { scan: 0, running: false, read: 0, total: undefined, limitedTo: undefined, cancelled: false };
  private source: vscode.CancellationTokenSource | undefined;

  get current(): ScanProgress {
    return this.state;
  }

  start(): ScanHandle {
    this.source?.cancel();
    const source = (this.source = new vscode.CancellationTokenSource());
    const scan = this.state.scan + 1;
    this.set({ scan, running: true, read: 0, total: undefined, limitedTo: undefined, cancelled: false });
    const latest = () => this.state.scan === scan;
    return {
      token: source.token,
      report: change => { if (latest()) this.set({ ...this.state, ...change }); },
      end: () => {
        if (latest()) {
          this.set({ ...this.state, running: false, cancelled: source.token.isCancellationRequested });
          this.source = undefined;
        }
        source.dispose();
      },
    };
  }

  cancel(): void {
    this.source?.cancel();
  }

  private set(state: ScanProgress): void {
    this.state = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.source?.cancel();
    this.changed.dispose();
  }
}
