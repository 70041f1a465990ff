import * as vscode from 'vscode';
import type { ArticleView } from '../core/corpus';
import type { EntityType } from '../core/model';
import type { CorpusService } from './corpusService';
import { concerns } from './corpusChanges';
import { toRange } from './convert';
import type { Settings } from './settings';

export type Style = 'PERSON' | 'ORG' | 'PLACE' | 'DATE' | 'speech' | 'quiet' | 'user' | 'review';

function entityStyle(color: string): vscode.DecorationRenderOptions {
  return {
    backgroundColor: new vscode.ThemeColor(`sourceAnnotator.${color}Background`),
    border: '1px solid',
    borderColor: new vscode.ThemeColor(`sourceAnnotator.${color}Border`),
    borderRadius: '3px',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}

const STYLES: Record<Style, vscode.DecorationRenderOptions> = {
  PERSON: { ...entityStyle('person'), overviewRulerColor: new vscode.ThemeColor('sourceAnnotator.personBorder'), overviewRulerLane: vscode.OverviewRulerLane.Left },
  ORG: entityStyle('organisation'),
  PLACE: entityStyle('place'),
  DATE: entityStyle('date'),
  speech: {
    backgroundColor: new vscode.ThemeColor('sourceAnnotator.quoteBackground'),
    borderColor: new vscode.ThemeColor('sourceAnnotator.quoteBorder'),
    borderStyle: 'none none solid none',
    borderWidth: '0 0 2px 0',
    overviewRulerColor: new vscode.ThemeColor('sourceAnnotator.quoteBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  },
  quiet: {
    borderColor: new vscode.ThemeColor('sourceAnnotator.scareQuoteBorder'),
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
  },
  user: {
    outlineColor: new vscode.ThemeColor('sourceAnnotator.userAnnotationBorder'),
    outlineStyle: 'solid',
    outlineWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('sourceAnnotator.userAnnotationBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  },
  // where an annotation that needs review may be: dashed, in the warning colour, until the user decides
  review: {
    outlineColor: new vscode.ThemeColor('editorWarning.foreground'),
    outlineStyle: 'dashed',
    outlineWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  },
};

/** The colour a style is seen by (its border, underline or outline), for the legend. */
export function styleColour(style: Style): vscode.ThemeColor {
  const options = STYLES[style];
  return (options.borderColor ?? options.outlineColor) as vscode.ThemeColor;
}

/** Beyond this many highlights, the part of the article shown is painted first, the rest a moment later. */
const FIRST_PAINT = 2000;
/** How far either side of the shown part (UTF-16 code units) the first paint reaches. */
const SHOWN_MARGIN = 16 * 1024;

/** What is highlighted: a resolved article, or the preview of a long article's shown part (no annotations yet). */
type Highlighted = Pick<ArticleView, 'mentions'> & { quotes: readonly Pick<ArticleView['quotes'][number], 'kind' | 'start' | 'end'>[]; annotations?: ArticleView['annotations'] };

export interface DecoratedRange {
  style: Style;
  start: number;
  end: number;
}

/**
 * Highlights of the visible article editors. Computed once per (document version, resolved article) and
 * re-applied only when one of them changes: the corpus keeps an article's view object while nothing it
 * depends on changed, so an edit elsewhere repaints nothing here. Stale results are never applied.
 */
export class Decorations implements vscode.Disposable {
  private readonly types = new Map<Style, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, { version: number; article: Highlighted }>();
  private readonly last = new Map<string, DecoratedRange[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService, private settings: Settings) {
    for (const [style, options] of Object.entries(STYLES) as [Style, vscode.DecorationRenderOptions][]) this.types.set(style, vscode.window.createTextEditorDecorationType(options));
    this.disposables.push(
      corpus.onDidChange(change => this.refresh(key => concerns(change, key))),
      corpus.onDidPreview(previewed => this.refresh(key => key === previewed)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument(doc => this.forget(doc.uri)),
    );
    this.refresh();
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    this.applied.clear();
    this.refresh();
  }

  /** A closed document's highlights are dropped, not kept for ever. */
  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.last.delete(key);
    for (const k of this.applied.keys()) if (k.startsWith(key + '#')) this.applied.delete(k);
  }

  /** What is highlighted in a document now (for tests and the API). */
  rangesFor(uri: vscode.Uri): DecoratedRange[] {
    return this.last.get(uri.toString()) ?? [];
  }

  /** Repaints the visible editors of the articles `changed` accepts (all of them without it). */
  refresh(changed: (key: string) => boolean = () => true): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      if (!changed(doc.uri.toString())) continue;
      const whole = this.corpus.article(doc.uri);
      // while this version's analysis is pending, a long article may show the preview of its shown part
      const article = whole && whole.text === doc.getText() ? whole : this.corpus.preview(doc);
      if (!article) continue;
      const slot = doc.uri.toString() + '#' + editorId(editor);
      const shown = this.applied.get(slot);
      if (shown?.version === doc.version && shown.article === article) continue;
      const ranges = this.compute(article);
      const applied = { version: doc.version, article };
      this.applied.set(slot, applied);
      this.last.set(doc.uri.toString(), ranges);
      if (ranges.length <= FIRST_PAINT) { this.paint(editor, ranges); continue; }
      // a long article: what is shown first, the rest a moment later (unless something newer was painted meanwhile)
      const shownFrom = doc.offsetAt(editor.visibleRanges[0]?.start ?? new vscode.Position(0, 0));
      const shownTo = doc.offsetAt(editor.visibleRanges[editor.visibleRanges.length - 1]?.end ?? new vscode.Position(0, 0));
      this.paint(editor, ranges.filter(r => r.end >= shownFrom - SHOWN_MARGIN && r.start <= shownTo + SHOWN_MARGIN));
      setTimeout(() => {
        if (this.applied.get(slot) === applied && doc.version === applied.version) this.paint(editor, ranges);
      }, 0);
    }
  }

  private paint(editor: vscode.TextEditor, ranges: readonly DecoratedRange[]): void {
    const byStyle = new Map<Style, vscode.Range[]>([...this.types.keys()].map(s => [s, []]));
    for (const r of ranges) byStyle.get(r.style)!.push(toRange(editor.document, r));
    for (const [style, type] of this.types) editor.setDecorations(type, byStyle.get(style)!);
  }

  private compute(article: Highlighted): DecoratedRange[] {
    const out: DecoratedRange[] = [];
    const shown = new Set<EntityType>(['PERSON', 'ORG', 'PLACE']);
    if (this.settings.highlightDates) shown.add('DATE');
    if (this.settings.highlightEntities) {
      for (const m of article.mentions) if (shown.has(m.type)) out.push({ style: m.type as Style, start: m.start, end: m.end });
    }
    if (this.settings.highlightQuotes) {
      for (const q of article.quotes) out.push({ style: q.kind === 'speech' ? 'speech' : 'quiet', start: q.start, end: q.end });
    }
    for (const p of article.annotations ?? []) if (p.span) out.push({ style: p.status === 'needs-review' ? 'review' : 'user', start: p.span.start, end: p.span.end });
    return out;
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

const ids = new WeakMap<vscode.TextEditor, number>();
let nextId = 0;
function editorId(editor: vscode.TextEditor): number {
  let id = ids.get(editor);
  if (id === undefined) ids.set(editor, (id = nextId++));
  return id;
}
