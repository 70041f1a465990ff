// e2e: a folder of 1,200 articles (the sample corpus's texts, each copy with a dateline of its own), read
// for the first time and again after a Reload Window. At this size the scan resolves what it read in slices
// and the Events view groups the events in slices (from 1,000 articles): the views fill, the Events view shows
// a timeline when the reading is done, and after the reload it shows one at once (the last session's, kept
// with the lists) and never empties while the folder is read again. Screenshot e2e-large-events.png.
import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT, SAMPLE_CORPUS, log, openSession, runCommand, screenshot, showPeople, sleep, untilPeopleFilled } from '../../scripts/lib/code-server.mjs';
import { rowTexts } from './eventsView.mjs';

const ARTICLES = 1200;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes the folder: copy i of a sample article opens with a dateline and a meeting on a day of its own. */
function writeFolder(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const samples = fs.readdirSync(SAMPLE_CORPUS).filter(f => f.endsWith('.txt')).sort().map(f => fs.readFileSync(path.join(SAMPLE_CORPUS, f), 'utf8'));
  for (let i = 0; i < ARTICLES; i++) {
    const folder = path.join(dir, `part-${String(Math.floor(i / 300)).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    const day = `${MONTHS[i % 12]} ${1 + (i % 28)}, ${2015 + (i % 5)}`;
    const text = `HANOI, ${day} -- Officials met in Hanoi on ${day}, report ${i} said.\n\n${samples[i % samples.length]}`;
    fs.writeFileSync(path.join(folder, `report-${String(i).padStart(4, '0')}.txt`), text);
  }
}

/** A pane of the Source Annotator view, unfolded (the other panes stay as they are). */
async function openPane(page, title) {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) === 'false') await pane.locator('.pane-header').click();
  return pane;
}

/** Whether the rows hold a period of the calendar ("2019 — 120 events"). */
const hasEvents = rows => rows.some(r => /\d events?$/.test(r));

export async function checkLargeFolder(vsix, { check, poll }) {
  const dir = path.join(OUTPUT, 'large-folder');
  writeFolder(dir);
  const session = await openSession('e2e-large', { vsix, workspace: dir, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  try {
    const page = await session.newPage();
    await page.goto(session.server.url({ folder: session.state.ws }));
    const read = await untilPeopleFilled(await showPeople(page), { limitMs: 300_000 });
    log(`large folder: ${ARTICLES} articles read in ${read.toFixed(1)} s`);
    const events = await openPane(page, 'Events');
    const periods = await poll(async () => { const rows = await rowTexts(events); return hasEvents(rows) ? rows : undefined; }, 60_000);
    check('large folder: the Events view shows a timeline once the folder is read', Boolean(periods), JSON.stringify((periods ?? await rowTexts(events)).slice(0, 4)));
    await screenshot(page, 'e2e-large-events.png');
    await sleep(12_000); // the lists and the timeline kept for the next session (10 s after the last change)
    await page.reload();
    // the view opened by its command (a click on the activity bar as the view is restored open would close it)
    await page.locator('.activitybar .action-item a[aria-label*="Source Annotator"]').first().waitFor({ timeout: 60_000 });
    for (let attempt = 1; ; attempt++) { // the palette may not open while the workbench is still starting
      const opened = await runCommand(page, 'Source Annotator: Focus on Events View', { row: 'Events' }).then(() => true, e => (attempt < 3 ? false : Promise.reject(e)));
      if (opened) break;
      await page.keyboard.press('Escape');
    }
    const again = await openPane(page, 'Events');
    const people = await openPane(page, 'People');
    // at once: the last session's timeline while the folder is read again (or the corpus's, if it is read already)
    const atOnce = await poll(async () => hasEvents(await rowTexts(again)), 30_000);
    check('large folder: after a Reload Window the Events view shows the timeline at once', Boolean(atOnce));
    // never the empty view's words after that (three looks in a row, three quarters of a second: not a row being redrawn)
    let emptyLooks = 0, emptyAfterShown = false;
    const filled = untilPeopleFilled(people, {
      limitMs: 300_000,
      tick: () => void rowTexts(again).then(rows => {
        if (hasEvents(rows)) emptyLooks = 0;
        else if (!rows.some(r => /Grouping the events/.test(r)) && ++emptyLooks >= 3) emptyAfterShown = true;
      }, () => undefined),
    });
    const reread = await filled;
    log(`large folder: read again in ${reread.toFixed(1)} s after a Reload Window`);
    const after = await poll(async () => { const rows = await rowTexts(again); return hasEvents(rows) ? rows : undefined; }, 60_000);
    check('large folder: the Events view shows the corpus’s timeline once read again, the same periods', Boolean(after) && JSON.stringify(after.slice(0, 3)) === JSON.stringify(periods?.slice(0, 3)),
      `before ${JSON.stringify(periods?.slice(0, 3))}, after ${JSON.stringify(after?.slice(0, 3))}`);
    check('large folder: the Events view never empties once it showed the timeline', !emptyAfterShown);
  } finally {
    await session.close();
  }
}
