import type { QuoteComparison, QuoteVersion, WordChange } from '../core/quotes/compare';

/** The page of the Compare Quote panel: self-contained, no external resources, strict content security policy. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

const plural = (n: number, word: string) => `${n} word${n === 1 ? '' : 's'} ${word}`;

/** The version's words, what it left out of the reference struck through before what it added instead. */
function markedText(changes: WordChange[]): string {
  const out: string[] = [];
  let pending: string[] = []; // added words waiting for the left-out words of the same gap
  const flush = () => { out.push(...pending); pending = []; };
  for (const c of changes) {
    const text = escapeHtml(c.text).replace(/(\S)…(?=\s|$)/g, '$1 …'); // the break between two passages: “today, … And”
    if (c.change === 'same') { flush(); out.push(`<span>${text}</span>`); }
    else if (c.change === 'missing') out.push(`<del title="Left out here">${text}</del>`);
    else pending.push(`<ins title="Only in this version">${text}</ins>`);
  }
  flush();
  return out.join(' ');
}

function summary(v: QuoteVersion, reference: QuoteVersion): string {
  if (v.isReference) return 'The version you started from; the others are marked against it.';
  if (v.sameAsReference) return `Word for word as in ${escapeHtml(reference.outlet)}.`;
  return [v.added && plural(v.added, 'added'), v.missing && plural(v.missing, 'left out')].filter(Boolean).join(', ') + '.';
}

function attribution(v: QuoteVersion): string {
  const who = v.speakerName ? `Said by <strong>${escapeHtml(v.speakerName)}</strong>` : 'No speaker named';
  return v.how ? `${who} <span class="how">· ${escapeHtml(v.how)}</span>` : who;
}

function links(v: QuoteVersion, i: number): string {
  const label = (j: number) => (v.passages.length === 1 ? 'Show in article' : `Show passage ${j + 1}`);
  return v.passages.map((_, j) => `<button type="button" data-version="${i}" data-passage="${j}" aria-label="${escapeHtml(`${label(j)}: ${v.outlet}`)}">${label(j)}</button>`).join('');
}

function versionCard(v: QuoteVersion, i: number, reference: QuoteVersion): string {
  return `<section class="version${v.isReference ? ' reference' : ''}" aria-labelledby="outlet-${i}">
  <h2 id="outlet-${i}">${escapeHtml(v.outlet)}${v.isReference ? ' <span class="badge">reference</span>' : ''}</h2>
  <p class="attribution">${attribution(v)}</p>
  <blockquote>${markedText(v.changes)}</blockquote>
  <p class="summary">${summary(v, reference)}</p>
  <p class="actions">${links(v, i)}</p>
</section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.25rem 1.5rem; line-height: 1.5; }
h1 { font-size: 1.35em; font-weight: 600; margin: 1rem 0 .25rem; }
.sources, .legend, .summary, .how { color: var(--vscode-descriptionForeground); }
.sources, .legend { margin: .25rem 0; }
.versions { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; margin-top: 1rem; align-items: start; }
.version { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); border-radius: 4px; padding: .25rem 1rem .75rem; background: var(--vscode-editorWidget-background); }
.version.reference { border-color: var(--vscode-focusBorder); }
h2 { font-size: 1em; font-weight: 600; margin: .5rem 0 .25rem; overflow-wrap: anywhere; }
.badge { font-size: .8em; font-weight: normal; padding: 0 .4em; border-radius: 3px; border: 1px solid var(--vscode-focusBorder); color: var(--vscode-foreground); white-space: nowrap; }
.attribution { margin: .25rem 0 .5rem; }
blockquote { margin: 0; padding: .25rem 0 .25rem .75rem; border-left: 3px solid var(--vscode-textBlockQuote-border, var(--vscode-focusBorder)); font-size: 1.1em; }
ins { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; background: var(--vscode-diffEditor-insertedTextBackground); }
del { text-decoration: line-through; background: var(--vscode-diffEditor-removedTextBackground); }
body.vscode-high-contrast ins, body.vscode-high-contrast-light ins { outline: 1px dashed var(--vscode-diffEditor-insertedTextBorder, var(--vscode-contrastActiveBorder)); }
body.vscode-high-contrast del, body.vscode-high-contrast-light del { outline: 1px dotted var(--vscode-diffEditor-removedTextBorder, var(--vscode-contrastBorder)); }
blockquote ins::before, blockquote ins::after, blockquote del::before, blockquote del::after { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(100%); white-space: nowrap; }
blockquote ins::before { content: " [added: "; } blockquote del::before { content: " [left out: "; }
blockquote ins::after, blockquote del::after { content: "] "; }
.legend ins, .legend del { padding: 0 .2em; }
.summary { margin: .5rem 0 .25rem; font-size: .95em; }
.actions { margin: .25rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; }
button { font: inherit; padding: .2rem .7rem; border-radius: 2px; cursor: pointer; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.message { margin-top: 2rem; color: var(--vscode-descriptionForeground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button[data-version]') : null;
  if (button) vscode.postMessage({ type: 'reveal', version: Number(button.dataset.version), passage: Number(button.dataset.passage) });
});
`;

function page(title: string, body: string, cspSource: string): string {
  const nonce = newNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** The comparison: the speaker, a legend, then one card per version side by side (rows when the panel is narrow). */
export function comparisonHtml(c: QuoteComparison, title: string, cspSource: string): string {
  const ref = escapeHtml(c.reference.outlet);
  const body = `<header>
<h1>${c.speakerName ? escapeHtml(c.speakerName) : 'Speaker not found'}</h1>
<p class="sources">The same words as quoted by ${c.versions.length} sources.</p>
<p class="legend">Marked against ${ref}: <ins>underlined</ins> words are only in that version, <del>struck-through</del> words of ${ref} are left out.</p>
</header>
<main class="versions">
${c.versions.map((v, i) => versionCard(v, i, c.reference)).join('\n')}
</main>`;
  return page(title, body, cspSource);
}

/** A short message in place of the comparison (the quote is gone, or only one source still has it). */
export function messageHtml(title: string, message: string, cspSource: string): string {
  return page(title, `<p class="message">${escapeHtml(message)}</p>`, cspSource);
}
