import * as vscode from 'vscode';
import { KIND_LABELS } from '../core/annotations/model';
import { entityName } from '../core/timeline/sources';
import { ENTITY_TYPE_NAMES, type Mention } from '../core/model';
import type { Published } from '../core/dates/published';
import { dayInWords, publishedInWords } from '../core/dates/mentions';
import { outletName } from '../core/quotes/compare';
import { utteranceOf } from '../core/quotes/utterances';
import { confidenceWords, saidBy } from '../core/quotes/confidence';
import type { CorpusService } from './corpusService';
import { toRange } from './convert';
import { lookup, mentionsOf } from './lookup';

const QUOTE_KIND: Record<string, string> = { speech: 'Quotation', scare: 'Scare quote', title: 'Quoted title' };

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** A date's value and how it was found; the publication date it was counted from, marked when it is a guess. */
function dateLines(m: Mention, published: Published | undefined, article: string): string[] {
  const lines = [m.how ? `${escape(m.how)}.` : m.value ? `Date: ${m.value}.` : 'No date can be given.'];
  const set = commandLink('Set Publication Date…', 'sourceAnnotator.setPublicationDate', [article]);
  if (!published?.value) lines.push(`_The article's publication date is unknown: dates counted from it have no value._ ${set}`);
  else if (published.source === 'file') lines.push(`$(warning) _The publication date is a guess: the day the file was last changed (${escape(dayInWords(published.value))})._ ${set}`);
  else lines.push(`Publication date: ${escape(publishedInWords(published))} · ${set}`);
  return lines;
}

/** Read-only explanations: what a highlight is, how sure we are and where else it appears. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const view = this.corpus.view();
    const at = lookup(view, document, position);
    if (!at || (!at.mention && !at.quote && !at.annotations.length)) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['sourceAnnotator.editAnnotation', 'sourceAnnotator.deleteAnnotation', 'sourceAnnotator.nextMention', 'sourceAnnotator.revealMention', 'sourceAnnotator.rejectMention', 'sourceAnnotator.markAllOccurrences', 'sourceAnnotator.changeSpeaker', 'sourceAnnotator.notAQuote', 'sourceAnnotator.compareQuote', 'sourceAnnotator.acceptAnchor', 'sourceAnnotator.reattachAnnotation', 'sourceAnnotator.setPublicationDate'] };
    const sections: string[] = [];
    let range: vscode.Range | undefined;
    if (at.mention) {
      const m = at.mention;
      const entity = m.entityId ? view.entities.get(m.entityId) : undefined;
      const name = entity?.name ?? m.text;
      const lines = [`$(symbol-field) **${escape(name)}** — ${ENTITY_TYPE_NAMES[m.type]}${m.origin === 'user' ? ' (your annotation)' : ''}`];
      if (m.text !== name) lines.push(`Written here as “${escape(m.text)}”.`);
      if (m.learnedFrom) lines.push('_Read as you marked this name elsewhere._');
      if (m.title) lines.push(`Title: ${escape(m.title)}${m.title.endsWith('.') ? '' : '.'}`);
      if (m.type === 'DATE') lines.push(...dateLines(m, at.article.analysis.published, at.article.path));
      if (m.entityId && m.type !== 'DATE') {
        const all = mentionsOf(view, m.entityId);
        const here = all.filter(x => x.path === at.article.path).length;
        const sources = new Set(all.map(x => x.path)).size;
        lines.push(`${here} mention${here === 1 ? '' : 's'} in this article · ${all.length} in ${sources} article${sources === 1 ? '' : 's'} · ${commandLink('Next mention', 'sourceAnnotator.nextMention', [])} · Shift+F12 lists them all`);
      }
      if (m.origin === 'model') {
        lines.push(`${commandLink('Not an entity', 'sourceAnnotator.rejectMention', [{ article: at.article.path, start: m.start, end: m.end }])} · ${commandLink('Mark all occurrences…', 'sourceAnnotator.markAllOccurrences', [])}`);
      }
      sections.push(lines.join('  \n'));
      range = toRange(document, m);
    }
    if (at.quote) {
      const q = at.quote;
      const lines = [`$(quote) **${QUOTE_KIND[q.kind]}**${q.origin === 'user' ? ' (your annotation)' : ''}`];
      if (q.kind === 'speech') {
        if (q.speaker) {
          const model = q.origin === 'model';
          lines.push(`${model ? saidBy(q.confidence) : 'Said by'} **${escape(q.speaker.name)}**${model && q.speaker.text !== q.speaker.name ? ` (attribution rests on “${escape(q.speaker.text)}”)` : ''}.`);
          lines.push(model ? `Attribution: ${q.how ? escape(q.how) : 'set by you'} · ${confidenceWords(q.confidence)}.` : 'Speaker set by you.');
        } else lines.push('Speaker not found.');
        const utterance = utteranceOf(this.corpus.utterances(), at.article.path, at.article.quotes.indexOf(q));
        const others = utterance ? utterance.quotes.filter(r => r.path !== at.article.path) : [];
        const sources = [...new Set(others.map(r => r.path))];
        if (sources.length) {
          const links = sources.map(path => { const r = others.find(x => x.path === path)!; return commandLink(escape(outletName(path)), 'sourceAnnotator.revealMention', [path, r.start, r.end]); });
          const compare = commandLink('Compare versions', 'sourceAnnotator.compareQuote', [at.article.path, q.start]);
          lines.push(`Also quoted in ${sources.length} other source${sources.length === 1 ? '' : 's'}: ${links.join(', ')} · ${compare}`);
        }
      } else lines.push(q.kind === 'scare' ? 'A term held at a distance, not someone’s words.' : 'A name or title, not someone’s words.');
      const ref = [{ article: at.article.path, start: q.start }];
      lines.push([
        commandLink(q.kind !== 'speech' ? 'Someone’s words? Set speaker…' : q.origin === 'user' ? 'Change speaker…' : 'Wrong speaker? Change…', 'sourceAnnotator.changeSpeaker', ref),
        ...(q.origin === 'model' ? [commandLink('Not a quotation', 'sourceAnnotator.notAQuote', ref)] : []),
      ].join(' · '));
      sections.push(lines.join('  \n'));
      range ??= toRange(document, q);
    }
    for (const p of at.annotations) {
      const a = p.annotation;
      const lines = [`$(tag) **${KIND_LABELS[a.kind]}** — your annotation${a.label ? `: ${escape(a.label)}` : ''}`];
      if (a.note) lines.push(escape(a.note));
      if (a.date) lines.push(`Date: ${a.date}`);
      if (a.kind === 'claim') {
        if (a.links.claimant) lines.push(`Claimed by ${escape(entityName(a.links.claimant, view.entities))}.`);
        lines.push(a.rating ? `$(law) Verdict: **${escape(a.rating)}**` : '$(law) _No verdict yet: Edit → Set verdict…_');
      }
      if (p.status === 'moved') lines.push('_Re-attached after the text moved._');
      if (p.status === 'needs-review') {
        const ref = [{ article: at.article.path, id: a.id }];
        lines.push(`$(warning) _Needs review: the text changed since this was saved${a.anchor.text !== at.article.text.slice(p.span!.start, p.span!.end) ? ` (it was “${escape(a.anchor.text)}”)` : ''}. Is this the place?_`);
        lines.push(`${commandLink('Accept this place', 'sourceAnnotator.acceptAnchor', ref)} · ${commandLink('Re-attach to selection…', 'sourceAnnotator.reattachAnnotation', ref)}`);
      }
      lines.push(`${a.author ? `by ${escape(a.author)} · ` : ''}${commandLink('Edit', 'sourceAnnotator.editAnnotation', [{ article: at.article.path, id: a.id }])} · ${commandLink('Delete', 'sourceAnnotator.deleteAnnotation', [{ article: at.article.path, id: a.id }])}`);
      sections.push(lines.join('  \n'));
    }
    md.appendMarkdown(sections.join('\n\n---\n\n'));
    return new vscode.Hover(md, range);
  }
}
