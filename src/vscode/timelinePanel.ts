import * as vscode from 'vscode';
import { Outlets } from '../core/timeline/outlets';
import { timelinePicture, type Lanes, type TimelinePicture } from '../core/timeline/picture';
import { newNonce } from './compareHtml';
import type { CorpusService } from './corpusService';

/** After a change of the corpus, the picture is redrawn once things have been quiet this long. */
const SETTLE_MS = 400;

/**
 * "Show Timeline": one panel drawing the corpus's events on a time axis (vis-timeline, bundled locally in
 * dist/timeline.js), one lane per outlet or per person. The data is shaped in the core (timelinePicture); this
 * adapter only posts it, and opens the mention of an item the page says was clicked — by the item's id, never
 * by a path the page sends.
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private lanes: Lanes = 'outlet';
  private shown: TimelinePicture | undefined;
  private articleColumn = vscode.ViewColumn.One;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly outlets = new Outlets();
  private readonly disposables: vscode.Disposable[] = [];
  private panelListeners: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<TimelinePicture>();
  /** Fires with each picture posted to the page (for tests). */
  readonly onDidPost = this.posted.event;

  constructor(private readonly corpus: CorpusService, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(corpus.onDidChange(change => {
      if (!this.panel || !(change.events || change.all || change.articles.size)) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.post(), SETTLE_MS);
    }), this.posted);
  }

  /** Opens (or shows) the panel; resolves to the picture it draws. */
  async show(lanes?: Lanes): Promise<TimelinePicture> {
    await this.corpus.ready();
    if (lanes) this.lanes = lanes;
    const editor = vscode.window.activeTextEditor;
    if (editor?.viewColumn && editor.viewColumn !== this.panel?.viewColumn) this.articleColumn = editor.viewColumn;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return this.post();
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('sourceAnnotator.timeline', 'Timeline of Events', vscode.ViewColumn.Beside, {
      enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [dist],
    });
    this.panel = panel;
    panel.webview.html = timelineHtml(panel.webview, dist);
    this.panelListeners = [
      panel.onDidDispose(() => this.closed()),
      panel.webview.onDidReceiveMessage(message => this.received(message)),
    ];
    this.shown = this.picture(); // posted when the page says it is ready
    return this.shown;
  }

  /** The picture of the corpus as it is now, in the lanes chosen. */
  private picture(): TimelinePicture {
    const view = this.corpus.view();
    return timelinePicture(view.events, this.lanes, { outlet: path => this.outlets.of(path, view.articles.get(path)?.text), entities: view.entities });
  }

  private post(): TimelinePicture {
    const picture = this.picture();
    this.shown = picture;
    void this.panel?.webview.postMessage({ type: 'picture', picture });
    this.posted.fire(picture);
    return picture;
  }

  private async received(message: unknown): Promise<void> {
    const m = message as { type?: unknown; id?: unknown; lanes?: unknown } | undefined;
    if (m?.type === 'ready') this.post();
    else if (m?.type === 'lanes' && (m.lanes === 'outlet' || m.lanes === 'person')) {
      this.lanes = m.lanes;
      this.post();
    } else if (m?.type === 'open' && typeof m.id === 'string') await this.open(m.id);
  }

  /** Opens the mention of an item shown (its id as the page gave it back). */
  async open(itemId: string): Promise<boolean> {
    const item = this.shown?.items.find(i => i.id === itemId);
    if (!item) return false;
    await vscode.commands.executeCommand('sourceAnnotator.revealMention', item.mention.path, item.mention.start, item.mention.end, this.articleColumn);
    return true;
  }

  private closed(): void {
    clearTimeout(this.timer);
    for (const d of this.panelListeners.splice(0)) d.dispose();
    this.panel = undefined;
    this.shown = undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The page: a strict policy (only our own script, with a nonce, and our own styles), the lane switch and the timeline's box. */
function timelineHtml(webview: vscode.Webview, dist: vscode.Uri): string {
  const n = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'timeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'timeline.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${n}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Timeline of Events</title>
</head>
<body>
<header>
  <h1>Timeline of events</h1>
  <span role="group" aria-label="Lanes">
    <button type="button" data-lanes="outlet" aria-pressed="true">One lane per outlet</button>
    <button type="button" data-lanes="person" aria-pressed="false">One lane per person</button>
  </span>
  <span class="spacer"></span>
  <button type="button" id="fit" title="Show every dated event">Fit all</button>
</header>
<div id="note" role="status"></div>
<div id="timeline"></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
