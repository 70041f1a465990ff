// Events in the exports: JSON (with each mention's outlet), CSV rows, the Markdown report's timeline and the
// Knight Lab TimelineJS JSON (src/core/export/timeline.ts), through the core and through the CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusView } from '../../src/core/corpus';
import { exportCsv, exportJson, exportMarkdown, exportTimelineJs } from '../../src/core/export';
import { exportAs } from '../../src/core/export/formats';
import { timelineJsDates } from '../../src/core/export/timeline';
import { readEventDate } from '../../src/core/timeline/eventDate';
import { SAMPLE_CORPUS, runCli as cli, sampleCorpus, storyEvent } from './helpers';

const XINHUA = 'xinhua-kim-trump-meet-hanoi.txt';
const NPR = 'npr-kuow-second-trump-kim-summit-hanoi.txt';

/** The sample corpus with events of known dates (every precision, one undated), mentioning real articles. */
function viewWithEvents(): CorpusView {
  const view = sampleCorpus().resolve();
  const events = [
    storyEvent('event:undated', '', [NPR], [], 'Talks someday'),
    storyEvent('event:2019-06-12', '2019-06-12', [XINHUA, NPR], ['person:kim-jong-un', 'person:donald-trump'], 'Trump–Kim <dinner> & talks'),
    storyEvent('event:2019-06', '2019-06', [XINHUA], [], 'June visit'),
    storyEvent('event:2019', '2019', [NPR], [], 'Year of talks'),
    storyEvent('event:2019-W09', '2019-W09', [NPR], [], 'Summit week'),
  ];
  return { ...view, events };
}

describe('export: events', () => {
  let view: CorpusView;
  before(() => { view = viewWithEvents(); });

  describe('TimelineJS', () => {
    let doc: { title?: { text: { headline: string; text: string } }; events: { start_date: Record<string, number>; end_date?: Record<string, number>; display_date?: string; text: { headline: string; text: string }; unique_id: string }[] };
    before(() => { doc = JSON.parse(exportTimelineJs(view)); });

    it('splits dates at the precision they have: 2019, 2019-06, 2019-06-12', () => {
      const by = (headline: string) => doc.events.find(e => e.text.headline === headline)!;
      assert.deepEqual(by('Year of talks').start_date, { year: 2019 });
      assert.deepEqual(by('June visit').start_date, { year: 2019, month: 6 });
      assert.deepEqual(by('Trump–Kim <dinner> & talks').start_date, { year: 2019, month: 6, day: 12 });
      assert.equal(by('Year of talks').end_date, undefined);
      const week = by('Summit week');
      assert.deepEqual([week.start_date, week.end_date, week.display_date], [{ year: 2019, month: 2, day: 25 }, { year: 2019, month: 3, day: 3 }, 'week 9 of 2019']);
    });

    it('leaves undated events out and says so on the title slide; slides in date order with unique ids', () => {
      assert.equal(doc.events.length, 4);
      assert.ok(!doc.events.some(e => e.text.headline === 'Talks someday'));
      assert.match(doc.title!.text.text, /4 events reported in 5 articles; 1 undated event is left out/);
      assert.deepEqual(doc.events.map(e => e.unique_id), ['event-2019', 'event-2019-W09', 'event-2019-06', 'event-2019-06-12']);
      for (const e of doc.events) assert.match(e.unique_id, /^[A-Za-z0-9_-]+$/);
    });

    it('the text names the outlets and the people in words, HTML escaped', () => {
      const dinner = doc.events.find(e => e.unique_id === 'event-2019-06-12')!;
      assert.match(dinner.text.text, /^<p>Reported by Xinhua and NPR\. With Kim Jong Un and Donald Trump\.<\/p><ul><li><b>Xinhua<\/b> \(xinhua-kim-trump-meet-hanoi\.txt\): “Trump–Kim &lt;dinner&gt; &amp; talks in/);
      assert.ok(!/person:/.test(dinner.text.text));
      assert.equal(dinner.text.headline, 'Trump–Kim <dinner> & talks', 'the headline is plain text');
    });

    it('dates of every precision are valid TimelineJS dates (month 1–12, day within the month)', () => {
      for (const v of ['2019-Q1', '2018-SU', '2018-WI', '2019-H2', '201', '1066', '2020-02-29']) {
        const d = timelineJsDates(readEventDate(v))!;
        for (const x of [d.start_date, d.end_date].filter(Boolean)) {
          assert.ok(Number.isInteger(x!.year), v);
          if (x!.month !== undefined) assert.ok(x!.month >= 1 && x!.month <= 12, v);
          if (x!.day !== undefined) assert.ok(x!.day >= 1 && x!.day <= 31, v);
        }
      }
      assert.deepEqual(timelineJsDates(readEventDate('2018-WI')), { start_date: { year: 2018, month: 12 }, end_date: { year: 2019, month: 2 }, display_date: 'winter 2018' });
      assert.equal(timelineJsDates(readEventDate('PAST_REF')), undefined);
    });
  });

  it('Markdown: a timeline section, date → events → one line per source', () => {
    const md = exportMarkdown(view);
    const start = md.indexOf('\n## Timeline\n');
    assert.ok(start > 0);
    const timeline = md.slice(start, md.indexOf('\n## ', start + 5) < 0 ? undefined : md.indexOf('\n## ', start + 5));
    const headings = [...timeline.matchAll(/^### (.*)$/gm)].map(m => m[1]);
    assert.deepEqual(headings, ['2019', 'Week 9 of 2019', 'June 2019', '12 June 2019', 'Undated']);
    assert.match(timeline, /- \*\*Trump–Kim \\<dinner\\> & talks\*\* — 2 sources; with Kim Jong Un and Donald Trump\n {2}- Xinhua \(xinhua-kim-trump-meet-hanoi\.txt\): “.*”\n {2}- NPR \(npr-kuow-second-trump-kim-summit-hanoi\.txt\): “.*”/);
    assert.ok(!/\| Date \| Event/.test(md), 'no longer a table of cut sentences');
  });

  it('JSON: the events array, each mention with its outlet', () => {
    const data = JSON.parse(exportJson(view));
    assert.equal(data.events.length, 5);
    const dinner = data.events.find((e: { eventId: string }) => e.eventId === 'event:2019-06-12');
    assert.deepEqual(dinner.mentions.map((m: { outlet: string }) => m.outlet), ['Xinhua', 'NPR']);
  });

  it('CSV: one row per event mention, with its date, id and label', () => {
    const rows = exportCsv(view).split('\r\n').filter(r => r.includes(',event,'));
    assert.equal(rows.length, 6);
    assert.ok(rows.some(r => r.startsWith(`${XINHUA},event,2019-06-12,`) && r.includes('event:2019-06-12,Trump–Kim <dinner> & talks')), rows.join('\n'));
  });

  it('exportAs knows the format', () => {
    assert.deepEqual(JSON.parse(exportAs('timelinejs', view)), JSON.parse(exportTimelineJs(view)));
  });

  it('CLI: export --format timelinejs writes the TimelineJS file of a folder', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-timeline-'));
    try {
      const file = path.join(out, 'timeline.json');
      const run = cli('export', SAMPLE_CORPUS, '--format', 'timelinejs', '--out', file);
      assert.equal(run.code, 0, run.err);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.ok(Array.isArray(doc.events) && doc.events.length > 0);
      for (const e of doc.events) {
        assert.ok(Number.isInteger(e.start_date.year) && e.text.headline && e.unique_id, JSON.stringify(e));
        assert.ok(!/file:|\/work\//.test(e.text.text), 'paths relative to the folder');
      }
      const bad = cli('export', SAMPLE_CORPUS, '--format', 'xml');
      assert.notEqual(bad.code, 0);
      assert.match(bad.err, /timelinejs/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
