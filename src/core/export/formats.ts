// The export formats by name, the files each one writes, and the export in pieces (used by the CLI's `export`
// and the extension's Export Annotations…).
import type { CorpusView } from '../corpus';
import { exportCsv, exportCsvChunks, exportJson, exportJsonChunks, exportMarkdown, exportMarkdownChunks, exportTimelineJs } from './index';
import { exportW3c } from './w3c';
import { bratDocuments } from './brat';
import { exportConllChunks } from './conll';
import { exportClaimReview } from './claimReview';

export type ExportFormat = 'json' | 'csv' | 'md' | 'timelinejs' | 'w3c' | 'brat' | 'conll' | 'claimreview';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'md', 'timelinejs', 'w3c', 'brat', 'conll', 'claimreview'];

/** Each format by name, and what it is for, as the extension's picker shows it. */
export const FORMAT_NAMES: Readonly<Record<ExportFormat, { label: string; detail: string }>> = {
  json: { label: 'JSON', detail: 'Everything: per article its entities, quotations, events and your annotations' },
  csv: { label: 'CSV (spreadsheet)', detail: 'One row per mention, quotation, event and annotation' },
  md: { label: 'Markdown report', detail: 'By person: mentions per source, quotations, the timeline, your annotations' },
  timelinejs: { label: 'TimelineJS', detail: 'The events, for Knight Lab’s TimelineJS' },
  w3c: { label: 'W3C Web Annotation (JSON-LD)', detail: 'Your annotations, for Hypothesis, Recogito and other annotation tools' },
  brat: { label: 'brat standoff', detail: 'A .txt and an .ann per article, for brat and INCEpTION' },
  conll: { label: 'CoNLL (IOB2)', detail: 'Tokens and entity tags, your corrections applied, to train other taggers' },
  claimreview: { label: 'ClaimReview (schema.org)', detail: 'The claims you rated, as fact-check markup' },
};

/** The file each export format is written to (by Export Annotations…; never read back as an article). brat: a folder. */
export const EXPORT_FILE_NAMES: Readonly<Record<ExportFormat, string>> = {
  json: 'source-annotations.json',
  csv: 'source-annotations.csv',
  md: 'source-annotations-report.md',
  timelinejs: 'source-annotations-timeline.json',
  w3c: 'source-annotations-w3c.jsonld',
  brat: 'source-annotations-brat',
  conll: 'source-annotations.conll',
  claimreview: 'source-annotations-claimreview.json',
};

/** The formats written as a folder of files rather than one file. */
export const FOLDER_FORMATS: ReadonlySet<ExportFormat> = new Set(['brat']);

/** One file of an export: its path inside the export's folder ('' for a one-file format: the file itself), in pieces. */
export interface ExportFile {
  path: string;
  chunks: Iterable<string>;
}

/** The export in pieces, to be written one after another (JSON, CSV and CoNLL an article at a time). */
export function exportChunks(format: Exclude<ExportFormat, 'brat'>, view: CorpusView, relative?: (path: string) => string): Iterable<string> {
  switch (format) {
    case 'json': return exportJsonChunks(view, relative);
    case 'csv': return exportCsvChunks(view, relative);
    case 'md': return exportMarkdownChunks(view, relative);
    case 'conll': return exportConllChunks(view);
    default: return [exportAs(format, view, relative)];
  }
}

export function exportAs(format: Exclude<ExportFormat, 'brat'>, view: CorpusView, relative?: (path: string) => string): string {
  switch (format) {
    case 'json': return exportJson(view, relative);
    case 'csv': return exportCsv(view, relative);
    case 'md': return exportMarkdown(view, relative);
    case 'timelinejs': return exportTimelineJs(view, relative);
    case 'w3c': return exportW3c(view, relative);
    case 'claimreview': return exportClaimReview(view, relative);
    case 'conll': return [...exportConllChunks(view)].join('');
  }
}

/** The files of an export: one for most formats, two per article for brat (generated an article at a time). */
export function* exportFiles(format: ExportFormat, view: CorpusView, relative?: (path: string) => string): Generator<ExportFile> {
  if (format !== 'brat') {
    yield { path: '', chunks: exportChunks(format, view, relative) };
    return;
  }
  for (const doc of bratDocuments(view, relative)) {
    yield { path: `${doc.name}.txt`, chunks: [doc.txt] };
    yield { path: `${doc.name}.ann`, chunks: [doc.ann] };
  }
}
