// e2e: the Events view as a timeline (year → month → day → event → one row per outlet) and the Show Timeline
// panel (vis-timeline in a webview): lanes per outlet and per person, a click on an item opens its mention in the
// editor. Used by ui.e2e.mjs, once per colour theme (light, dark, high contrast); screenshots e2e-<theme>-events.png,
// e2e-<theme>-timeline.png. checkTimeline gives the timeline page's background and text colours.
import { log, runCommand, screenshot, sleep } from '../../scripts/lib/code-server.mjs';

/** WCAG contrast ratio of two CSS colours "rgb(r, g, b)" / "rgba(r, g, b, a)" (alpha ignored). */
function contrast(a, b) {
  const lum = c => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The rows of a view pane as "label — description". */
export const rowTexts = pane => pane.locator('.monaco-list-row').evaluateAll(rs => rs.map(r => {
  const parts = [...r.querySelectorAll('.label-name, .label-description')].map(e => e.textContent.trim()).filter(Boolean);
  return (parts.length ? parts.join(' — ') : r.textContent).replace(/\s+/g, ' ').trim();
}));

/** Folds the other panes of the sidebar so that the Events view has the room. */
async function onlyPane(page, title) {
  for (const other of ['People', 'Annotations']) {
    const header = page.locator('.pane-header', { hasText: new RegExp(`^\\s*${other}`, 'i') }).first();
    if ((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') await header.click();
  }
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) }).first();
  if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) === 'false') await pane.locator('.pane-header').click();
  return pane;
}

export async function checkEventsView(page, label, { check, poll }) {
  await runCommand(page, 'Source Annotator: Focus on Events View', { row: 'Events' });
  const pane = await onlyPane(page, 'Events');
  const rows = () => rowTexts(pane);
  // a long calendar opens folded: unfold 2019, February 2019 and its 27th as a user would
  /** The rows once they stop changing (the view redraws as the corpus settles: a click must not land on a row being replaced). */
  const settled = async () => {
    let last = JSON.stringify(await rows());
    for (let i = 0; i < 20; i++) {
      await sleep(300);
      const now = JSON.stringify(await rows());
      if (now === last) return;
      last = now;
    }
  };
  const expanded = row => poll(async () => (await row.getAttribute('aria-expanded').catch(() => null)) === 'true', 2000);
  const unfold = async row => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await settled();
      if (!(await poll(() => row.count(), 10000))) return;
      if ((await row.getAttribute('aria-expanded')) !== 'false') return;
      await row.click();
      if (await expanded(row)) return;
      await page.keyboard.press('ArrowRight'); // the row is selected: the keyboard unfolds it
      if (await expanded(row)) return;
    }
  };
  for (const prefix of ['2019', 'February 2019', '27 February 2019']) await unfold(pane.locator('.monaco-list-row', { hasText: new RegExp(`^\\s*${prefix}`) }).first());
  const seen = await poll(async () => {
    const r = await rows();
    const day = r.findIndex(x => /^27 February 2019/.test(x));
    return r.some(x => /^2019 — \d+ events?/.test(x)) && day >= 0 && / — \d+ sources?$/.test(r[day + 1] ?? '') ? r : null;
  }, 20000) || await rows();
  log(`${label}: Events rows:`, JSON.stringify(seen.slice(0, 25)));
  check(`${label}: Events view is a timeline: 2019 → February 2019 → 27 February 2019`, ['2019 — ', 'February 2019 — ', '27 February 2019 — '].every(p => seen.some(x => x.startsWith(p))));
  check(`${label}: Events view counts the sources of each event`, seen.some(x => / — (\d+ sources?|.* · \d+ sources?)$/.test(x)));
  check(`${label}: Events view ends with the undated group, or has none`, !seen.some(x => /^Undated/.test(x)) || /^Undated/.test(seen.filter(x => /^(\d{4}|the \d{4}s|Undated) — /.test(x)).pop()));
  check(`${label}: Events view shows no internal ids`, !seen.some(x => /\b(person|org|place):[a-z]/.test(x)), seen.find(x => /\b(person|org|place):/.test(x)) ?? '');
  // open the first event of 27 February: one row per source, outlet first
  const day = seen.findIndex(x => x.startsWith('27 February 2019'));
  // the day's first event, found by its label: the list re-renders as rows unfold
  const target = seen[day + 1] ?? '';
  // unfolded from the keyboard (a click may land on another row while the list scrolls it into view):
  // the view focused, Home, then down to the event's place in the list, then right
  await settled();
  const place = await pane.locator('.monaco-list-row').evaluateAll((rs, name) => {
    const r = rs.find(x => (x.querySelector('.label-name')?.textContent ?? '').trim() === name);
    return r ? Number(r.getAttribute('data-index')) : -1;
  }, target.split(' — ')[0]);
  const focused = () => pane.locator('.monaco-list-row').evaluateAll(rs => (rs.find(r => r.classList.contains('focused'))?.querySelector('.label-name')?.textContent ?? '').trim());
  const name = target.split(' — ')[0];
  for (let attempt = 0; place >= 0 && attempt < 3 && (await focused()) !== name; attempt++) {
    await runCommand(page, 'Source Annotator: Focus on Events View', { row: 'Events' });
    await sleep(700); // the quick input closes and hands the focus to the tree
    await page.keyboard.press('Home');
    await sleep(200);
    for (let i = 0; i < place; i++) await page.keyboard.press('ArrowDown');
    await sleep(200);
  }
  log(`${label}: the focused row is “${await focused()}” (wanted “${name}”)`);
  await page.keyboard.press('ArrowRight');
  // the row under the event: a source, its outlet first ("Xinhua — …", "NPR — …", else the file's name)
  const under = async () => {
    const r = await rows();
    const at = r.findIndex(x => x.split(' — ')[0] === name);
    const next = at >= 0 ? r[at + 1] ?? '' : '';
    return / — /.test(next) && !/ — \d+ (?:sources?|events?)$/.test(next) ? { r, next } : null;
  };
  const found = await poll(under, 10000);
  check(`${label}: an event opens to one row per source, the outlet first`, !!found, JSON.stringify((found?.r ?? await rows()).slice(day, day + 6)));
  await page.mouse.move(5, 790);
  await screenshot(page, `e2e-${label}-events.png`);
  // the source row, from the keyboard: down to it, Enter opens its mention
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // the tab of the source's own article, not whichever article was in front before (it opens a moment later,
  // and takes the focus: a command typed before then would land in its text)
  const want = (found?.next ?? '').split(' — ')[0].toLowerCase().split(/\s+/)[0];
  const opened = await poll(() => page.locator('.tabs-container .tab.active').first().innerText().then(t => /\.txt/.test(t) && t.toLowerCase().includes(want) && t), 10000);
  await sleep(500);
  const selected = await poll(() => page.locator('.statusbar [id="status.editor.selection"]').innerText().then(t => /selected/.test(t) && t), 5000);
  check(`${label}: a source row opens its mention in the editor, selected`, !!opened && !!selected, `${found?.next ?? 'no source row'}: ${opened || 'no article tab'}; ${selected || 'nothing selected'}`);
  await runCommand(page, 'View: Close All Editors', { row: 'Close All Editors' });
}

export async function checkTimeline(page, label, { check, poll }) {
  await runCommand(page, 'Source Annotator: Show Timeline', { row: 'Show Timeline' });
  const doc = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await doc.locator('.vis-item').first().waitFor({ timeout: 20000 });
  await sleep(500); // the first fit animates
  const lanes = await doc.locator('.vis-labelset .vis-label').allInnerTexts();
  log(`${label}: timeline lanes:`, JSON.stringify(lanes));
  check(`${label}: the timeline has one lane per outlet, Xinhua among them`, lanes.includes('Xinhua') && lanes.length >= 2, lanes.join(' | '));
  check(`${label}: the timeline has a time axis`, (await doc.locator('.vis-time-axis .vis-text').count()) > 2);
  const colours = await doc.locator('body').evaluate(b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]);
  log(`${label}: timeline page colours`, colours.join(' on '));
  // an event drawn as a box (a month or a year long) is legible: its text against its box, WCAG's 4.5:1
  const box = doc.locator('.vis-item.vis-range').first();
  if (await box.count()) {
    const [fg, bg] = await box.evaluate(b => { const s = getComputedStyle(b); return [s.color, s.backgroundColor]; });
    const ratio = contrast(fg, /rgba\(.*,\s*0\)$|transparent/.test(bg) ? colours[0] : bg);
    check(`${label}: an event box’s text contrasts with its box (${ratio.toFixed(1)}:1)`, ratio >= 4.5, `${fg} on ${bg}`);
  }
  await screenshot(page, `e2e-${label}-timeline.png`);

  await doc.locator('button[data-lanes="person"]').click();
  const people = await poll(async () => {
    const l = await doc.locator('.vis-labelset .vis-label').allInnerTexts();
    return l.some(x => /Kim Jong Un|Donald Trump/.test(x)) ? l : null;
  }, 10000) || await doc.locator('.vis-labelset .vis-label').allInnerTexts();
  check(`${label}: “One lane per person” draws a lane per person`, people.some(x => /Kim Jong Un|Donald Trump/.test(x)) && !people.some(x => /person:/.test(x)), people.join(' | '));
  if (label === 'light') await screenshot(page, `e2e-${label}-timeline-people.png`);

  await doc.locator('button[data-lanes="outlet"]').click();
  await poll(async () => (await doc.locator('.vis-labelset .vis-label').allInnerTexts()).includes('Xinhua'), 10000);
  // the first lane's first event (the lanes below may lie outside the panel until scrolled)
  const firstLane = (await doc.locator('.vis-labelset .vis-label').allInnerTexts())[0];
  const item = doc.locator('.vis-foreground .vis-group').first().locator('.vis-item').first();
  await item.waitFor({ timeout: 10000 });
  const itemText = (await item.innerText()).trim();
  await item.click();
  // the tab of the source's own article, not whichever article was in front before (it opens a moment later,
  // and takes the focus: a command typed before then would land in its text)
  const want = firstLane.toLowerCase().split(/\s+/)[0];
  const opened = await poll(() => page.locator('.tabs-container .tab.active').first().innerText().then(t => /\.txt/.test(t) && t.toLowerCase().includes(want) && t), 10000);
  await sleep(500);
  const selected = await poll(() => page.locator('.statusbar [id="status.editor.selection"]').innerText().then(t => /selected/.test(t) && t), 5000);
  check(`${label}: clicking “${itemText.slice(0, 40)}” in ${firstLane}’s lane opens the mention in its article, selected`, !!opened && !!selected, `${opened || 'no article tab'}; ${selected || 'nothing selected'}`);
  await screenshot(page, `e2e-${label}-timeline-opened.png`);
  await runCommand(page, 'View: Close All Editors', { row: 'Close All Editors' });
  return colours;
}
