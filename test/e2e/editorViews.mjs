// e2e: the views that make the extension feel native (issue 15): Organisations and Places beside People, the
// Colour Legend, and the Get Started walkthrough, each looked at in the theme under test. Used by ui.e2e.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { log, runCommand, screenshot, sleep } from '../../scripts/lib/code-server.mjs';

/** The texts of a pane's rows: label and description, as a reader sees them. */
function rowTexts(pane) {
  return pane.locator('.monaco-list-row').evaluateAll(rs => rs.map(r => {
    const parts = [...r.querySelectorAll('.label-name, .label-description')].map(e => e.textContent.trim()).filter(Boolean);
    return (parts.length ? parts.join(' — ') : r.textContent).replace(/\s+/g, ' ').trim();
  }));
}

async function focusView(page, name) {
  await runCommand(page, `Source Annotator: Focus on ${name} View`, { row: name });
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${name}`, 'i') }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 10000 });
  if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) === 'false') await pane.locator('.pane-header').click();
  return pane;
}

/** Organisations and Places: a heading per kind, the sample's places and organisations by name, never by id. */
export async function checkEntitiesView(page, label, { check, poll }) {
  const pane = await focusView(page, 'Organisations and Places');
  const heading = name => pane.locator('.monaco-list-row', { hasText: new RegExp(`^\\s*${name}`) }).first();
  const orgs = await poll(async () => ((await rowTexts(pane)).some(x => /^Organisations/.test(x)) ? true : null), 20000);
  check(`${label}: Organisations and Places has an Organisations heading`, !!orgs, JSON.stringify(await rowTexts(pane)));
  // the organisations folded, so that the places heading shows in the pane (a list draws only the rows in view)
  if ((await heading('Organisations').getAttribute('aria-expanded')) === 'true') { await heading('Organisations').click(); await sleep(300); }
  const places = await poll(async () => ((await rowTexts(pane)).some(x => /^Places/.test(x)) ? true : null), 10000);
  check(`${label}: Organisations and Places has a Places heading`, !!places, JSON.stringify(await rowTexts(pane)));
  if (places && (await heading('Places').getAttribute('aria-expanded')) === 'false') { await heading('Places').click(); await sleep(300); }
  const rows = await poll(async () => {
    const r = await rowTexts(pane);
    return r.some(x => x.includes('Hanoi')) ? r : null;
  }, 15000) || await rowTexts(pane);
  log(`${label}: Organisations and Places rows:`, JSON.stringify(rows.slice(0, 15)));
  check(`${label}: Organisations and Places lists Hanoi`, rows.some(x => x.includes('Hanoi')));
  check(`${label}: its rows show names, never ids`, !rows.some(x => /\b(?:place|org|person):[a-z0-9-]+/.test(x)), JSON.stringify(rows));
  await screenshot(page, `e2e-${label}-organisations-places.png`);
}

/** The Colour Legend: one row per kind of highlight. */
export async function checkLegend(page, label, { check, poll }) {
  const pane = await focusView(page, 'Colour Legend');
  const rows = await poll(async () => {
    const r = await rowTexts(pane);
    return r.length >= 4 ? r : null;
  }, 10000) || await rowTexts(pane);
  log(`${label}: Colour Legend rows:`, JSON.stringify(rows));
  check(`${label}: the Colour Legend names people, organisations, places and quotations`, ['Person', 'Organisation', 'Place', 'Quot'].every(k => rows.some(x => x.includes(k))), JSON.stringify(rows));
  await screenshot(page, `e2e-${label}-legend.png`);
}

/** The Get Started walkthrough opens on its first step. */
export async function checkWalkthrough(page, label, { check, poll }) {
  await runCommand(page, 'Welcome: Open Walkthrough...', { row: 'Open Walkthrough' });
  const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Source Annotator' }).first();
  await pick.waitFor({ state: 'visible', timeout: 10000 });
  await pick.click();
  const title = await poll(async () => {
    const t = await page.locator('.gettingStartedContainer').first().innerText().catch(() => '');
    return /Source Annotator/.test(t) && /Open a folder of articles/i.test(t) ? t : null;
  }, 15000);
  check(`${label}: the Get Started walkthrough opens on its steps`, !!title, title ? '' : 'no walkthrough page');
  await sleep(500);
  await screenshot(page, `e2e-${label}-walkthrough.png`);
  await runCommand(page, 'View: Close All Editors', { row: 'Close All Editors' });
}

/**
 * The editor's own navigation on an open article (the cursor on `word`): Next Mention says where it went in the
 * status bar, the Outline lists the article's people, and Go to Symbol in Workspace (Ctrl+T) finds a person with
 * their mentions. The extension host's log must not show VS Code refusing an editor ("Illegal argument").
 */
export async function checkNavigation(page, label, { check, poll, clickWord, logsDir }) {
  await clickWord('Kim Jong Un', 'Kim');
  await page.mouse.move(5, 790); // no hover in the way
  await sleep(500);
  // its keybinding, as a reader jumps (Ctrl+Alt+])
  await page.keyboard.press('Control+Alt+BracketRight');
  await sleep(300);
  await page.keyboard.press('Control+Alt+BracketRight');
  const status = await poll(async () => {
    const t = await page.locator('.statusbar').innerText().catch(() => '');
    return /Kim Jong Un — \d+ of \d+/.test(t) ? t.replace(/\s+/g, ' ') : null;
  }, 10000);
  check(`${label}: Next Mention says which of how many, and where`, !!status, status ?? await page.locator('.statusbar').innerText().catch(() => ''));
  await screenshot(page, `e2e-${label}-next-mention.png`);

  await runCommand(page, 'Explorer: Focus on Outline View', { row: 'Focus on Outline View' });
  const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Outline/i }) }).first();
  // the headings (People, Organisations, Places, Quotations, Events) with their counts; the Outline follows the
  // cursor, and the headings come in the order of their first mention (Events may fill the pane): folded all, then
  // People unfolded, the names are in view
  await sleep(500);
  await outline.locator('.pane-header').hover();
  await outline.locator('.pane-header .action-label[aria-label*="Collapse All"]').click().catch(() => {});
  const people = outline.locator('.monaco-list-row', { hasText: /^\s*People/ }).first();
  await people.click().catch(() => {});
  if ((await people.getAttribute('aria-expanded').catch(() => null)) === 'false') await page.keyboard.press('ArrowRight');
  const heading = x => /^(?:People|Organisations|Places|Quotations|Events) — \d+$/.test(x);
  const rows = await poll(async () => {
    const r = await rowTexts(outline);
    return r.some(heading) && r.some(x => x.includes('Kim Jong Un')) ? r : null;
  }, 15000) || await rowTexts(outline).catch(() => []);
  log(`${label}: Outline rows:`, JSON.stringify(rows.slice(0, 12)));
  check(`${label}: the Outline shows the article's headings and names`, rows.some(heading) && rows.some(x => x.includes('Kim Jong Un')), JSON.stringify(rows.slice(0, 12)));
  await screenshot(page, `e2e-${label}-outline.png`);

  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.pressSequentially('Kim Jong Un', { delay: 5 });
  const symbol = await poll(async () => {
    const r = await page.locator('.quick-input-widget .monaco-list-row').evaluateAll(rs => rs.map(x => x.textContent.replace(/\s+/g, ' ').trim()));
    return r.find(x => x.includes('Kim Jong Un') && /mentions? in \d+ articles?/.test(x)) ?? null;
  }, 15000);
  check(`${label}: Go to Symbol in Workspace finds Kim Jong Un with his mentions`, !!symbol, symbol ?? '');
  await screenshot(page, `e2e-${label}-go-to-symbol.png`);
  await page.keyboard.press('Escape');

  const refused = findInLogs(logsDir, /Illegal argument: TextEditor/);
  check(`${label}: the extension host logs no "Illegal argument: TextEditor" after the jumps`, !refused, refused ?? '');
}

/** The first line matching `re` in the extension host's logs under `dir`, if any. */
function findInLogs(dir, re) {
  const walk = d => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []).flatMap(e => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(dir).filter(f => /exthost/i.test(f) && f.endsWith('.log'))) {
    const line = fs.readFileSync(file, 'utf8').split('\n').find(l => re.test(l));
    if (line) return `${path.basename(file)}: ${line.slice(0, 200)}`;
  }
  return undefined;
}
