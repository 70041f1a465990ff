// e2e: the Annotations view's "Needs Review" and "Orphaned" sections, as a user meets them after an article
// was edited elsewhere (a sidecar written for an older version of The Diplomat's article), and the inline
// "Accept Place Found" action. Used by ui.e2e.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { log, runCommand, screenshot, sleep } from '../../scripts/lib/code-server.mjs';

export const REVIEW_FILE = 'the-diplomat-trump-kim-second-summit-hanoi.txt';
/** The words as the article has them now, and as they were when the note was made (one word since changed). */
const NOW = 'began with a handshake before U.S. and North Korean flags';
const THEN = 'began with a long handshake beneath the U.S. and North Korean flags';
const LOST = 'The summit was moved to Da Nang at the last minute.';

/** Writes the sidecar an older version of the article left: one note to review, one whose words are gone. */
export function seedReviewSidecar(ws) {
  const text = fs.readFileSync(path.join(ws, REVIEW_FILE), 'utf8');
  const at = text.indexOf(NOW);
  if (at < 0) throw new Error(`“${NOW}” is not in ${REVIEW_FILE}`);
  const ctx = (s, e) => ({ prefix: text.slice(Math.max(0, s - 32), s), suffix: text.slice(e, e + 32) });
  const yamlString = s => JSON.stringify(s);
  const anchor = (t, c, start) => [
    `      text: ${yamlString(t)}`, `      prefix: ${yamlString(c.prefix)}`, `      suffix: ${yamlString(c.suffix)}`,
    `      start: ${start}`, `      end: ${start + t.length}`,
  ].join('\n');
  const note = (id, note, t, c, start) => [
    `  - id: ${id}`, '    kind: note', `    note: ${yamlString(note)}`, '    author: colleague',
    '    created: 2026-11-01T09:00:00.000Z', '    updated: 2026-11-01T09:00:00.000Z', '    anchor:', anchor(t, c, start),
  ].join('\n');
  // the publication date the sample's sidecar gives stays (without it the article is dated by the copy's file time)
  const published = /^published: .*$/m.exec(fs.readFileSync(path.join(ws, `${REVIEW_FILE}.annotations.yaml`), 'utf8'))?.[0];
  const yaml = ['version: 1', `article: ${REVIEW_FILE}`, 'contentHash: sha256-of-an-older-version', ...(published ? [published] : []), 'annotations:',
    note('a-review-1', 'which flags? check the photo', THEN, ctx(at, at + NOW.length), at),
    note('a-orphan-1', 'venue change: confirm with the desk', LOST, { prefix: 'Editor’s note: ', suffix: ' More to follow.' }, 120),
  ].join('\n') + '\n';
  fs.writeFileSync(path.join(ws, `${REVIEW_FILE}.annotations.yaml`), yaml);
}

/** The view shows both sections; Accept on the reviewed note anchors it on today's words (the sidecar follows). */
export async function checkAnnotationsView(page, label, ws, { check, poll, accept }) {
  await runCommand(page, 'Source Annotator: Focus on Annotations View', { row: 'Annotations' });
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Annotations/i }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 10000 });
  const rowTexts = () => pane.locator('.monaco-list-row').evaluateAll(rs => rs.map(r => r.textContent.replace(/\s+/g, ' ').trim()));
  const rows = await poll(async () => {
    const r = await rowTexts();
    return r.some(x => x.startsWith('Needs Review')) && r.some(x => x.startsWith('Orphaned')) ? r : null;
  }, 20000) || await rowTexts();
  log(`${label}: Annotations rows:`, JSON.stringify(rows.slice(0, 10)));
  check(`${label}: Annotations view has a Needs Review section with the changed note`, rows.some(x => x.startsWith('Needs Review')) && rows.some(x => x.includes('which flags?')));
  check(`${label}: Annotations view has an Orphaned section with the note whose words are gone`, rows.some(x => x.startsWith('Orphaned')) && rows.some(x => x.includes('venue change')));
  const reviewRow = pane.locator('.monaco-list-row', { hasText: 'which flags?' }).first();
  await reviewRow.hover();
  await sleep(300);
  await screenshot(page, `e2e-${label}-review.png`);
  if (!accept) return;
  await reviewRow.locator('.actions [aria-label^="Accept Place Found"], .action-label[aria-label^="Accept Place Found"]').first().click();
  const sidecar = path.join(ws, `${REVIEW_FILE}.annotations.yaml`);
  const saved = await poll(async () => {
    const c = fs.readFileSync(sidecar, 'utf8');
    return c.includes('beneath') ? null : c;
  }, 10000);
  check(`${label}: Accept anchors the note on the article's words in the sidecar`, !!saved && saved.includes('before U.S.'), saved ? '' : 'the sidecar still has the old words');
  const after = await poll(async () => ((await rowTexts()).some(x => x.startsWith('Needs Review')) ? null : await rowTexts()), 10000);
  check(`${label}: the Needs Review section is gone once nothing needs review`, !!after, JSON.stringify(after || await rowTexts()));
  await screenshot(page, `e2e-${label}-review-accepted.png`);
}
