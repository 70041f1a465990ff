// End-to-end tier on the PACKAGED extension: installs the .vsix into a fresh code-server (no smoke-test
// driver, so toasts show), opens a copy of sample-corpus in Chromium and uses the extension as a person
// would: decorations, the comparison panel of a quotation, hover, annotating through the palette, the People view,
// the Annotations view's Needs Review and Orphaned sections, the Events view and the Show Timeline panel.
// Once per colour theme; then a folder of 1,200 articles read and read again after a Reload Window (largeFolder.mjs).
// usage: node test/e2e/ui.e2e.mjs [path/to/extension.vsix]   (default: the newest *.vsix in the repo root)
// Writes .test-output/results/e2e.json and screenshots to .test-output/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, cleanup, createChecker, escapeRe, log, openSession, runCommand, pickQuickInput, readToasts, screenshot, sleep,
  waitQuickInput, writeTierResult,
} from '../../scripts/lib/code-server.mjs';
import { checkAnnotationsView, seedReviewSidecar } from './annotationsView.mjs';
import { checkEventsView, checkTimeline } from './eventsView.mjs';
import { checkEntitiesView, checkLegend, checkNavigation, checkWalkthrough } from './editorViews.mjs';
import { checkLargeFolder } from './largeFolder.mjs';

const FILE = 'xinhua-kim-trump-meet-hanoi.txt';
const PEOPLE = ['Donald Trump', 'Kim Jong Un'];
const NOTE = 'banner above the flags';
const SELECTION = 'Hanoi Summit';
const EDITOR = '.editor-instance .monaco-editor';
const THEMES = [
  { label: 'light', theme: 'Default Light Modern', full: true },
  { label: 'dark', theme: 'Default Dark Modern', full: false }, // decorations + People view only
  // the Events view and the timeline webview in the high-contrast theme (its borders and black background)
  { label: 'high-contrast', theme: 'Default High Contrast', full: false, eventsOnly: true },
  // for a developer's run of one theme: SOURCE_ANNOTATOR_E2E_THEME=light (never set on CI)
].filter(t => !process.env.SOURCE_ANNOTATOR_E2E_THEME || t.label === process.env.SOURCE_ANNOTATOR_E2E_THEME);

const results = createChecker();
const { check } = results;

function newestVsix() {
  const all = fs.readdirSync(ROOT).filter(f => f.endsWith('.vsix')).map(f => path.join(ROOT, f));
  return all.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

/** Polls fn() until it returns a truthy value or the time is up; returns the last value. */
async function poll(fn, timeoutMs, everyMs = 250) {
  const until = Date.now() + timeoutMs;
  let v;
  while (!(v = await fn().catch(() => undefined)) && Date.now() < until) await sleep(everyMs);
  return v;
}

// ---- in-page helpers (run in the workbench page) ----
/** Texts covered by extension decorations: inline spans, plus the text under each overlay (background) box. */
function decoratedTexts(editorSel) {
  const ed = document.querySelector(editorSel);
  if (!ed) return [];
  const norm = s => s.replace(/\u00a0/g, ' ').trim();
  const out = [...ed.querySelectorAll('.view-lines span[class*="TextEditorDecorationType"]')].map(s => norm(s.textContent));
  const lines = [...ed.querySelectorAll('.view-lines .view-line')];
  for (const box of ed.querySelectorAll('.view-overlays .cdr[class*="TextEditorDecorationType"]')) {
    const b = box.getBoundingClientRect();
    const line = lines.find(l => { const r = l.getBoundingClientRect(); const y = b.top + b.height / 2; return y >= r.top && y <= r.bottom; });
    if (!line) continue;
    let text = '';
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.length; i++) {
        range.setStart(n, i); range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        const x = r.left + r.width / 2;
        if (x >= b.left && x <= b.right) text += n.data[i];
      }
    }
    out.push(norm(text));
  }
  return [...new Set(out.filter(Boolean))];
}

/** Viewport rect of `word` in the first rendered line containing `context` (word inside context). */
function rectOfWord([editorSel, context, word]) {
  const ed = document.querySelector(editorSel);
  for (const line of ed ? ed.querySelectorAll('.view-lines .view-line') : []) {
    const nodes = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const full = nodes.map(n => n.data).join('').replace(/\u00a0/g, ' ');
    const at = full.indexOf(context);
    if (at < 0) continue;
    let start = at + context.indexOf(word), end = start + word.length;
    const range = document.createRange();
    let offset = 0;
    for (const n of nodes) {
      if (start >= offset && start <= offset + n.length) range.setStart(n, start - offset);
      if (end >= offset && end <= offset + n.length) { range.setEnd(n, end - offset); break; }
      offset += n.length;
    }
    const r = range.getBoundingClientRect();
    if (r.width > 0) return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return null;
}

// ---- the checks ----
async function step(label, name, page, fn) {
  try { await fn(); } catch (e) {
    check(`${label}: ${name}`, false, e.message.split('\n')[0]);
    await screenshot(page, `e2e-${label}-failure-${name.replace(/\W+/g, '-').toLowerCase()}.png`).catch(() => {});
  }
}

async function openArticle(page, label) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE });
  await row.waitFor({ timeout: 60000 });
  check(`${label}: explorer shows ${FILE}`, true);
  await row.click();
  const wrap = await articleShown(page);
  check(`${label}: the article wraps at the window's edge (the extension's word wrap)`, !!wrap,
    wrap ? `${wrap.screen} screen lines for ${wrap.numbered} numbered lines` : 'no line runs over two screen lines');
}

/**
 * Waits for the article in the editor, then for its wrapping: the session sets no editor.wordWrap, so the
 * extension wraps the article as it comes to the front, and a word's place is read only once it has. Returns the
 * screen and numbered lines in view, or null when no line wraps.
 */
async function articleShown(page) {
  await page.locator(`${EDITOR} .view-lines`).filter({ hasText: 'Kim Jong Un' }).waitFor({ timeout: 30000 });
  return poll(() => page.evaluate(wrappedLines, EDITOR), 15000);
}

/** Screen lines and numbered lines in view when some line wraps (more screen lines than line numbers), else null. */
function wrappedLines(editorSel) {
  const ed = document.querySelector(editorSel);
  if (!ed) return null;
  const screen = ed.querySelectorAll('.view-lines .view-line').length;
  const numbered = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')].filter(n => n.textContent.trim()).length;
  return numbered && screen > numbered ? { screen, numbered } : null;
}

async function checkDecorations(page, label) {
  const texts = await poll(async () => {
    const t = await page.evaluate(decoratedTexts, EDITOR);
    return PEOPLE.every(p => t.includes(p)) ? t : null;
  }, 30000) || await page.evaluate(decoratedTexts, EDITOR);
  log(`${label}: decorated texts (${texts.length}):`, JSON.stringify(texts));
  const colours = [...new Set(await page.locator(`${EDITOR} .view-overlays .cdr[class*="TextEditorDecorationType"]`)
    .evaluateAll(els => els.map(e => getComputedStyle(e).backgroundColor).filter(c => c !== 'rgba(0, 0, 0, 0)')))].sort();
  log(`${label}: decoration backgrounds:`, colours.join(' '));
  const bg = colours.length ? `${colours.length} background colours` : 'no background colours';
  for (const p of PEOPLE) {
    let ok = texts.includes(p), how = 'in the DOM';
    if (!ok) { // fallback: the entity's hover proves the extension found it, even if its decoration is not readable
      ok = await hoverShows(page, p, p.split(' ').pop(), [p], 5000);
      how = ok ? 'not in the DOM, but its hover names it' : 'neither decorated nor hovered';
    }
    check(`${label}: "${p}" is decorated`, ok, `${how}; ${bg}`);
  }
  return colours;
}

/** Moves the mouse onto `word` (inside `context`) and waits for a visible hover containing every string in `expect`. */
async function hoverShows(page, context, word, expect, timeoutMs) {
  const rect = await page.evaluate(rectOfWord, [EDITOR, context, word]);
  if (!rect) throw new Error(`"${context}" is not rendered in the editor`);
  const res = expect.map(s => new RegExp(escapeRe(s), 'i'));
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.mouse.move(rect.x, rect.bottom + 60);
    await page.mouse.move(rect.x, rect.y, { steps: 5 });
    const text = await poll(async () => {
      const all = await page.locator('.monaco-hover:visible').allInnerTexts();
      return all.find(t => res.every(r => r.test(t)));
    }, timeoutMs / 2);
    if (text) return text;
  }
  return null;
}

async function checkHover(page, label) {
  const text = await hoverShows(page, 'Donald Trump', 'Trump', ['Donald Trump', 'Person'], 12000);
  const seen = text || (await page.locator('.monaco-hover:visible').allInnerTexts()).join(' / ') || '(no hover)';
  check(`${label}: hover on "Trump" names Donald Trump, Person`, !!text, seen.replace(/\s+/g, ' ').trim().slice(0, 200));
  await screenshot(page, `e2e-${label}-hover.png`);
  await page.mouse.move(5, 790);
  // a date: its value and how it was found, in words (Xinhua's dateline dates its "Wednesday")
  const date = await hoverShows(page, 'met Wednesday night', 'Wednesday', ['2019-02-27', 'dateline'], 12000);
  const dateSeen = date || (await page.locator('.monaco-hover:visible').allInnerTexts()).join(' / ') || '(no hover)';
  check(`${label}: hover on "Wednesday" gives its date and how it was found`, !!date, dateSeen.replace(/\s+/g, ' ').trim().slice(0, 200));
  await screenshot(page, `e2e-${label}-date-hover.png`);
  await page.mouse.move(5, 790);
}

async function selectText(page, text) {
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+f');
  const find = page.locator(`${EDITOR} .find-widget textarea, ${EDITOR} .find-widget input`).first();
  await find.waitFor({ state: 'visible', timeout: 5000 });
  await find.fill(text);
  await sleep(400);
  await page.keyboard.press('Escape');
  const selected = () => page.locator('.statusbar [id="status.editor.selection"]').innerText().catch(() => '');
  if (new RegExp(`\\(${text.length} selected\\)`).test(await poll(selected, 3000))) return 'find widget';
  const r = await page.evaluate(rectOfWord, [EDITOR, text, text]); // fallback: click + shift-click
  if (!r) throw new Error(`"${text}" is not rendered in the editor`);
  await page.mouse.click(r.left + 1, r.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(r.right - 1, r.y);
  await page.keyboard.up('Shift');
  return `mouse (${await selected()})`;
}

async function checkAnnotate(page, label, ws) {
  const how = await selectText(page, SELECTION);
  log(`${label}: selected "${SELECTION}" via ${how}`);
  await runCommand(page, 'Source Annotator: Annotate Selection…', { row: 'Annotate Selection' });
  let prompt = await waitQuickInput(page, st => st.hasList && /kind/i.test(st.text));
  log(`${label}: quick pick: ${prompt.text}`);
  await pickQuickInput(page, 'Note', { exact: true });
  // next: maybe further picks (a "Link" for some kinds, not for notes), then the input box for the note itself
  for (let i = 0; i < 3; i++) {
    const previous = prompt.text;
    prompt = await waitQuickInput(page, st => st.text !== previous || !st.hasList);
    if (!prompt.hasList) break;
    log(`${label}: further quick pick, taking its first row: ${prompt.text}`);
    await page.keyboard.press('Enter');
  }
  if (prompt.hasList) throw new Error(`expected the note's input box, got a quick pick: ${prompt.text}`);
  log(`${label}: input box: ${prompt.text}`);
  await page.keyboard.press('Control+a');
  await page.locator('.quick-input-widget input').pressSequentially(NOTE, { delay: 5 });
  await page.keyboard.press('Enter');
  const sidecar = path.join(ws, `${FILE}.annotations.yaml`);
  const content = await poll(async () => {
    const c = fs.existsSync(sidecar) ? fs.readFileSync(sidecar, 'utf8') : '';
    return c.includes(NOTE) && c.includes(SELECTION) ? c : null;
  }, 15000);
  check(`${label}: annotation saved to ${path.basename(sidecar)}`, !!content,
    content ? `${content.length} bytes` : (fs.existsSync(sidecar) ? fs.readFileSync(sidecar, 'utf8').slice(0, 300) : 'file not written'));
  const toasts = await readToasts(page);
  if (toasts.length) log(`${label}: toasts:`, JSON.stringify(toasts.map(t => t.split('\n')[0])));
  await screenshot(page, `e2e-${label}-annotate.png`);
}

async function checkPeopleView(page, label) {
  const item = page.locator('.activitybar .action-item a[aria-label*="Source Annotator"], .activitybar .action-item[aria-label*="Source Annotator"]').first();
  if (await item.isVisible().catch(() => false)) await item.click();
  else await runCommand(page, 'View: Show Source Annotator', { row: 'Source Annotator' });
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*People/i }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 10000 }).catch(async () => {
    await runCommand(page, 'Source Annotator: Focus on People View', { row: 'People' });
    await pane.waitFor({ state: 'visible', timeout: 10000 });
  });
  if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) === 'false') await pane.locator('.pane-header').click();
  const rowTexts = () => pane.locator('.monaco-list-row').evaluateAll(rs => rs.map(r => {
    const parts = [...r.querySelectorAll('.label-name, .label-description')].map(e => e.textContent.trim()).filter(Boolean);
    return (parts.length ? parts.join(' — ') : r.textContent).replace(/\s+/g, ' ').trim();
  }));
  const rows = await poll(async () => {
    const r = await rowTexts();
    return PEOPLE.every(p => r.some(x => x.includes(p))) ? r : null;
  }, 20000) || await rowTexts();
  log(`${label}: People rows:`, JSON.stringify(rows.slice(0, 15)));
  for (const p of PEOPLE) check(`${label}: People view lists ${p}`, rows.some(x => x.includes(p)));
  const shot = await screenshot(page, `e2e-${label}-people.png`);
  if (label === 'light') fs.copyFileSync(shot, path.join(path.dirname(shot), 'e2e-people.png'));
  // a row's tooltip is made when it is hovered (resolveTreeItem): the workbench asks for it and shows it
  await pane.locator('.monaco-list-row', { hasText: PEOPLE[0] }).first().hover();
  const tip = await poll(async () => {
    const texts = await page.locator('.monaco-hover, .workbench-hover').evaluateAll(hs => hs.filter(h => h.offsetParent !== null).map(h => h.textContent.replace(/\s+/g, ' ').trim()));
    return texts.find(t => t.includes(PEOPLE[0]) && /Person, \d+ mentions?/.test(t)) ?? null;
  }, 10000);
  check(`${label}: hovering ${PEOPLE[0]} in People shows its tooltip`, !!tip, tip || 'no tooltip shown');
  await sleep(400); // the hover fades in
  await screenshot(page, `e2e-${label}-people-tooltip.png`);
}

/** Cursor into Kim's “outcome that everybody will welcome”, the command from the palette: three versions in the panel. */
async function checkCompare(page, label) {
  const r = await page.evaluate(rectOfWord, [EDITOR, 'outcome that everybody', 'everybody']);
  if (!r) throw new Error('the quotation is not rendered in the editor');
  await page.mouse.click(r.x, r.y);
  await runCommand(page, 'Source Annotator: Compare Quote Across Sources', { row: 'Compare Quote Across Sources' });
  const doc = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await doc.locator('section.version').first().waitFor({ timeout: 15000 });
  const outlets = await doc.locator('section.version h2').allInnerTexts();
  const marks = await doc.locator('section.version ins, section.version del').count();
  check(`${label}: the comparison panel shows Xinhua, NPR and Time`, outlets.length === 3 && ['xinhua', 'npr', 'time'].every((o, i) => outlets[i]?.startsWith(o)) && marks > 0,
    `${outlets.join(' | ')}; ${marks} marked stretches`);
  await screenshot(page, `e2e-${label}-compare.png`);
  await doc.locator('section.version').nth(2).locator('button').first().click();
  const opened = await poll(() => page.locator('.tabs-container .tab.active').first().innerText().then(t => /time-kim/.test(t) && t), 10000);
  check(`${label}: “Show in article” opens Time's article`, !!opened, opened || 'no Time tab');
  await runCommand(page, 'View: Close All Editors', { row: 'Close All Editors' });
}

const colours = {}; // label -> sorted decoration background colours

const timelineColours = {}; // label -> [background, foreground] of the timeline page

async function runTheme({ label, theme, full, eventsOnly }, vsix) {
  const t = Date.now();
  const session = await openSession(`e2e-${label}`, { vsix, settings: { 'workbench.colorTheme': theme } });
  try {
    seedReviewSidecar(session.state.ws); // an older version of one article left notes to review and an orphan
    const page = await session.newPage();
    page.on('pageerror', e => log(`${label}: [page error]`, e.message));
    await page.goto(session.server.url({ folder: session.state.ws }));
    await step(label, 'open article', page, () => openArticle(page, label));
    await step(label, 'decorations', page, async () => { colours[label] = await checkDecorations(page, label); });
    if (colours.light && colours.dark) { // the decoration colours come from the theme (contributed colours)
      check('dark: decoration colours follow the theme', colours.light.join() !== colours.dark.join(),
        `light ${colours.light.length}, dark ${colours.dark.length} colours`);
    }
    await screenshot(page, `e2e-${label}-decorations.png`);
    if (eventsOnly) {
      await step(label, 'events view', page, () => checkEventsView(page, label, { check, poll }));
      await step(label, 'timeline', page, async () => { timelineColours[label] = await checkTimeline(page, label, { check, poll }); });
      const others = Object.entries(timelineColours).filter(([l]) => l !== label);
      if (timelineColours[label]) check(`${label}: the timeline takes the theme’s colours`, others.every(([, c]) => c.join() !== timelineColours[label].join()),
        `${label} ${timelineColours[label].join(' on ')}; ${others.map(([l, c]) => `${l} ${c.join(' on ')}`).join('; ') || 'no other theme run'}`);
      return;
    }
    await step(label, 'compare', page, () => checkCompare(page, label));
    if (full) {
      await openArticle(page, label);
      await step(label, 'hover', page, () => checkHover(page, label));
      await step(label, 'annotate', page, () => checkAnnotate(page, label, session.state.ws));
    }
    await step(label, 'people view', page, () => checkPeopleView(page, label));
    await step(label, 'annotations view', page, () => checkAnnotationsView(page, label, session.state.ws, { check, poll, accept: full }));
    await step(label, 'events view', page, () => checkEventsView(page, label, { check, poll }));
    await step(label, 'timeline', page, async () => { timelineColours[label] = await checkTimeline(page, label, { check, poll }); });
    await step(label, 'navigation', page, async () => { // the article again, by Quick Open (its sidecar now sits beside it in the Explorer)
      await page.keyboard.press('Control+P');
      await pickQuickInput(page, FILE, { row: FILE, exact: true });
      if (!await articleShown(page)) throw new Error('the article did not wrap');
    });
    await step(label, 'navigation', page, () => checkNavigation(page, label, {
      check, poll, logsDir: path.join(session.state.dir, 'user-data', 'logs'),
      clickWord: async (context, word) => {
        const r = await page.evaluate(rectOfWord, [EDITOR, context, word]);
        if (!r) throw new Error(`“${context}” is not rendered in the editor`);
        await page.mouse.click(r.x, r.y);
      },
    }));
    await step(label, 'organisations and places', page, () => checkEntitiesView(page, label, { check, poll }));
    await step(label, 'legend', page, () => checkLegend(page, label, { check, poll }));
    await step(label, 'walkthrough', page, () => checkWalkthrough(page, label, { check, poll }));
  } finally {
    await session.close();
    log(`${label} (${theme}) took ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

const vsix = path.resolve(process.argv[2] || newestVsix() || '');
try {
  if (!fs.existsSync(vsix) || !vsix.endsWith('.vsix')) throw new Error('no .vsix: run `npm run package` or pass its path');
  log('testing', path.relative(process.cwd(), vsix));
  for (const t of THEMES) await runTheme(t, vsix);
  if (!process.env.SOURCE_ANNOTATOR_E2E_THEME) await checkLargeFolder(vsix, { check, poll });
} catch (e) {
  check('e2e run', false, e.stack || String(e));
} finally {
  await cleanup();
}
writeTierResult('e2e', { passed: results.passed, failed: results.failed });
console.log(results.summary());
process.exit(results.failed || !results.passed ? 1 : 0);
