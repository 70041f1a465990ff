import * as vscode from 'vscode';
import type { ScanProgress, ScanStatus } from './scanTracker';

const LIMIT_SETTING = 'sourceAnnotator.maxArticles';
/** The count is redrawn at most this often: reading 10,000 articles must not redraw the view 10,000 times. */
const REDRAW_MS = 250;
/** A scan shorter than this shows no notification (a handful of articles would only flash one). */
const NOTIFICATION_DELAY_MS = 1000;

/** What the user is shown of the reading of the articles (for tests: a view's message can be read back, a context key cannot). */
export interface ReadingShown {
  /** The value given to the context key `sourceAnnotator.scanning`. */
  scanning: boolean;
  /** The People view's message. */
  message: string | undefined;
  /** The warning of the latest scan that the folder holds more articles than the limit. */
  warning: string | undefined;
  /** The progress indicators shown: the People view's bar, the notification (one at a time). */
  indicators: ('view' | 'notification')[];
}

interface Notification { scan: number; progress: vscode.Progress<{ message?: string; increment?: number }>; percent: number; close(): void }

/**
 * What the user sees while the articles are read. Scenarios:
 * - a scan starts: the context key `sourceAnnotator.scanning` becomes true (the views' "No people found
 *   yet" welcome waits for it to be false), the People view says "Reading articles…" and shows its progress bar;
 * - each article read: the view's message counts "Reading articles… 1,234 of 10,080", redrawn at most
 *   every 250 ms;
 * - a scan still running after a second: a notification counts too, with a bar that fills as the articles are
 *   read; its Cancel stops the reading (what was read stays). The view's endless bar stops then: one progress
 *   indicator at a time, and an animation that runs for the minute or two a large folder's first reading takes
 *   costs the machine that reads it (in code-server on the 2-core VM, with Chromium drawing without a GPU,
 *   about a tenth of the CPU the reading has);
 * - the folder holds more articles than `sourceAnnotator.maxArticles`: one warning per scan, with a button
 *   that opens the setting (changing it reads the folder again);
 * - a new scan before the last one ended (a setting changed): the old notification closes, the count starts again;
 * - the scan ends, or is cancelled: the key is false, the message gone, the notification closed.
 */
export class ReadingProgress implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private readonly numbers = numberFormat(vscode.env.language);
  private scanning = false;
  private scan = 0;
  private warning: string | undefined;
  private lastDrawn = 0;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private notificationTimer: ReturnType<typeof setTimeout> | undefined;
  private notification: Notification | undefined;
  private viewProgressDone: (() => void) | undefined;

  constructor(private readonly status: ScanStatus, private readonly view: vscode.TreeView<unknown>, private readonly viewId: string) {
    this.subscription = status.onDidChange(p => this.update(p));
    this.update(status.current);
  }

  shown(): ReadingShown {
    return { scanning: this.scanning, message: this.view.message, warning: this.warning, indicators: [...(this.viewProgressDone ? ['view' as const] : []), ...(this.notification ? ['notification' as const] : [])] };
  }

  private update(p: ScanProgress): void {
    if (p.scan !== this.scan) this.started(p.scan);
    this.setScanning(p.running);
    if (!p.running) return this.ended();
    if (p.limitedTo !== undefined && this.warning === undefined) this.warn(p.limitedTo);
    const wait = this.lastDrawn + REDRAW_MS - Date.now();
    if (wait <= 0) this.draw();
    else this.redrawTimer ??= setTimeout(() => this.draw(), wait);
  }

  private started(scan: number): void {
    this.scan = scan;
    this.warning = undefined;
    this.lastDrawn = 0;
    this.closeNotification();
    clearTimeout(this.notificationTimer);
    this.notificationTimer = setTimeout(() => this.openNotification(scan), NOTIFICATION_DELAY_MS);
    if (!this.viewProgressDone) {
      void vscode.window.withProgress({ location: { viewId: this.viewId } }, () => new Promise<void>(resolve => (this.viewProgressDone = resolve)));
    }
  }

  private ended(): void {
    clearTimeout(this.redrawTimer);
    clearTimeout(this.notificationTimer);
    this.redrawTimer = this.notificationTimer = undefined;
    this.view.message = undefined;
    this.closeNotification();
    this.endViewProgress();
  }

  private endViewProgress(): void {
    this.viewProgressDone?.();
    this.viewProgressDone = undefined;
  }

  private setScanning(scanning: boolean): void {
    if (scanning === this.scanning) return;
    this.scanning = scanning;
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.scanning', scanning);
  }

  /** "Reading articles… 1,234 of 10,080" in the view and in the notification, from the latest progress. */
  private draw(): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
    this.lastDrawn = Date.now();
    const p = this.status.current;
    if (!p.running) return;
    const text = `Reading articles…${p.total === undefined ? '' : ` ${this.numbers.format(p.read)} of ${this.numbers.format(p.total)}`}`;
    this.view.message = text;
    const n = this.notification;
    if (n?.scan === p.scan) {
      const percent = p.total ? (100 * p.read) / p.total : 0;
      n.progress.report({ message: text, increment: percent - n.percent });
      n.percent = percent;
    }
  }

  private openNotification(scan: number): void {
    this.notificationTimer = undefined;
    if (!this.status.current.running || this.status.current.scan !== scan) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Source Annotator', cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => { if (this.status.current.scan === scan) this.status.cancel(); });
      return new Promise<void>(close => {
        this.notification = { scan, progress, percent: 0, close };
        if (this.status.current.scan !== scan || !this.status.current.running) this.closeNotification();
        else { this.endViewProgress(); this.draw(); }
      });
    });
  }

  private closeNotification(): void {
    this.notification?.close();
    this.notification = undefined;
  }

  private warn(limit: number): void {
    const n = this.numbers.format(limit);
    this.warning = `This folder has more than ${n} articles; Source Annotator reads the first ${n}.`;
    void vscode.window.showWarningMessage(this.warning, 'Raise the Limit').then(choice => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', LIMIT_SETTING);
    });
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    clearTimeout(this.notificationTimer);
    this.closeNotification();
    this.endViewProgress();
    this.subscription.dispose();
  }
}

/** Counts with the thousands separator of VS Code's display language ("10,080"; English if it is unknown). */
function numberFormat(language: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(language || 'en');
  } catch {
    return new Intl.NumberFormat('en');
  }
}
