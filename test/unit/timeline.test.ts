// The events on a calendar: reading date values, the Events view's grouping, the outlet of an article and the
// timeline picture's lanes and items (src/core/timeline/).
import * as assert from 'node:assert/strict';
import { countEvents, eventCalendar } from '../../src/core/timeline/calendar';
import { readEventDate } from '../../src/core/timeline/eventDate';
import { outletOf } from '../../src/core/timeline/outlets';
import { timelinePicture } from '../../src/core/timeline/picture';
import { entityName, eventParticipants, eventSources, sourceCount } from '../../src/core/timeline/sources';
import { ENTITIES, readSample, sampleFiles, storyEvent } from './helpers';

describe('timeline: reading a date value', () => {
  it('keeps the precision the value gives', () => {
    assert.deepEqual(readEventDate('2019-02-27'), { precision: 'day', year: 2019, month: 2, day: 27, start: '2019-02-27', end: '2019-02-28', words: '27 February 2019' });
    assert.deepEqual(readEventDate('2018-06'), { precision: 'month', year: 2018, month: 6, start: '2018-06-01', end: '2018-07-01', words: 'June 2018' });
    assert.deepEqual(readEventDate('2018'), { precision: 'year', year: 2018, start: '2018-01-01', end: '2019-01-01', words: '2018' });
    assert.equal(readEventDate('2018-12').end, '2019-01-01');
    assert.equal(readEventDate('2019-02-27T20:00').precision, 'day');
  });

  it('weeks, quarters, halves, seasons, decades and centuries cover their span', () => {
    const week = readEventDate('2019-W09');
    assert.deepEqual([week.precision, week.start, week.end, week.month, week.words], ['week', '2019-02-25', '2019-03-04', 2, 'week 9 of 2019']);
    assert.equal(readEventDate('2020-W01').start, '2019-12-30', 'ISO week 1 of 2020 starts in 2019');
    assert.equal(readEventDate('2020-W01').month, 1, 'and sits in January, by its Thursday');
    assert.deepEqual([readEventDate('2019-Q1').start, readEventDate('2019-Q1').end, readEventDate('2019-Q4').end], ['2019-01-01', '2019-04-01', '2020-01-01']);
    assert.equal(readEventDate('2019-Q2').words, 'the second quarter of 2019');
    assert.deepEqual([readEventDate('2019-H2').start, readEventDate('2019-H2').end], ['2019-07-01', '2020-01-01']);
    assert.deepEqual([readEventDate('2018-SU').start, readEventDate('2018-SU').words], ['2018-06-01', 'summer 2018']);
    assert.deepEqual([readEventDate('2018-WI').start, readEventDate('2018-WI').end], ['2018-12-01', '2019-03-01']);
    assert.deepEqual([readEventDate('201').precision, readEventDate('201').start, readEventDate('201').end, readEventDate('201').words], ['decade', '2010-01-01', '2020-01-01', 'the 2010s']);
    assert.deepEqual([readEventDate('19').precision, readEventDate('19').year], ['century', 1900]);
  });

  it('a century is named as one, never like the decade it starts with', () => {
    assert.deepEqual(['19', '20', '18', '10', '11', '12', '13', '21', '01', '00'].map(v => readEventDate(v).words),
      ['the 20th century', 'the 21st century', 'the 19th century', 'the 11th century', 'the 12th century', 'the 13th century', 'the 14th century', 'the 22nd century', 'the 2nd century', 'the 1st century']);
    for (let c = 0; c < 30; c++) {
      const century = String(c).padStart(2, '0');
      assert.notEqual(readEventDate(century).words, readEventDate(`${century}0`).words, `${century} and ${century}0`);
    }
    assert.equal(readEventDate('190').words, 'the 1900s');
  });

  it('references and what cannot be placed are undated, never a wrong calendar day', () => {
    assert.deepEqual(readEventDate('PAST_REF'), { precision: 'undated', words: 'in the past' });
    assert.equal(readEventDate('FUTURE_REF').words, 'in the future');
    for (const v of ['', null, undefined, '2019-02-30', '2019-13', '2019-W60', 'XXXX-02-27', 'garbage', '2019-02-29']) assert.equal(readEventDate(v).precision, 'undated', String(v));
    assert.equal(readEventDate('2020-02-29').precision, 'day', 'a leap day is a day');
    assert.deepEqual([readEventDate('1066').words, readEventDate('2999-12-31').end], ['1066', '3000-01-01']);
  });
});

describe('timeline: the Events view calendar', () => {
  const events = [
    storyEvent('summit', '2019-02-27', ['a', 'b']),
    storyEvent('dinner', '2019-02-27', ['a']),
    storyEvent('signing', '2019-02-28', ['b']),
    storyEvent('month', '2019-02', ['c']),
    storyEvent('week', '2019-W09', ['c']),
    storyEvent('quarter', '2019-Q1', ['c']),
    storyEvent('year', '2019', ['c']),
    storyEvent('singapore', '2018-06', ['a'], ['person:kim-jong-un']),
    storyEvent('decade', '201', ['a']),
    storyEvent('undated', '', ['a']),
    storyEvent('past', 'PAST_REF', ['b']),
  ];

  it('year → month → day → event, each value at the depth its precision gives; undated last', () => {
    const c = eventCalendar(events);
    assert.equal(c.size, events.length);
    assert.deepEqual(c.periods.map(p => p.words), ['the 2010s', '2018', '2019']);
    const y2019 = c.periods[2];
    assert.deepEqual(y2019.events.map(e => e.eventId), ['year', 'quarter'], 'a year and a quarter sit directly under the year (by start, the wider first)');
    assert.deepEqual(y2019.months.map(m => m.words), ['February 2019']);
    const feb = y2019.months[0];
    assert.deepEqual(feb.events.map(e => e.eventId), ['month', 'week'], 'a month and a week sit directly under the month');
    assert.deepEqual(feb.days.map(d => [d.words, d.events.map(e => e.eventId)]), [['27 February 2019', ['summit', 'dinner']], ['28 February 2019', ['signing']]]);
    assert.deepEqual(c.periods[0].events.map(e => e.eventId), ['decade']);
    assert.deepEqual(c.undated.map(e => e.eventId), ['past', 'undated'], 'references first, then events with no date at all');
    assert.equal(countEvents(y2019), 7);
    assert.equal(countEvents(feb), 5);
    assert.equal(c.dateOf(events[4]).words, 'week 9 of 2019');
  });

  it('filters by participant', () => {
    const c = eventCalendar(events, e => e.participants.includes('person:kim-jong-un'));
    assert.equal(c.size, 1);
    assert.deepEqual(c.periods.map(p => p.words), ['2018']);
    assert.deepEqual(c.undated, []);
  });

  it('stays quick on thousands of events (built once, then read)', () => {
    const many = Array.from({ length: 20000 }, (_, i) => storyEvent(`e${i}`, `20${10 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, [`p${i % 1000}`]));
    const c = eventCalendar(many);
    assert.equal(c.size, 20000);
    assert.equal(c.periods.length, 10);
    assert.equal(c.periods.reduce((n, p) => n + countEvents(p), 0), 20000);
  });
});

describe('timeline: sources and names', () => {
  it('one source per article, its mentions in reading order', () => {
    const e = storyEvent('x', '2019', ['a', 'b', 'a']);
    assert.deepEqual(eventSources(e).map(s => [s.path, s.mentions.map(m => m.start)]), [['a', [0, 20]], ['b', [10]]]);
    assert.equal(sourceCount(e), 2);
  });

  it('names entities in words, never by id', () => {
    assert.equal(entityName('person:kim-jong-un', ENTITIES), 'Kim Jong Un');
    assert.equal(entityName('person:someone-gone', ENTITIES), 'someone gone');
    const events = [storyEvent('a', '2019', ['p'], ['person:kim-jong-un', 'place:hanoi']), storyEvent('b', '2019', ['p'], ['person:kim-jong-un', 'org:white-house'])];
    assert.deepEqual(eventParticipants(events, ENTITIES).map(p => [p.entity.name, p.events]), [['Kim Jong Un', 2], ['White House', 1]], 'people and organisations, not places');
  });

  it('the outlet: a dateline credit, a copyright line, else the file name', () => {
    const outlets = Object.fromEntries(sampleFiles().map(f => [f, outletOf(`file:///corpus/${f}`, readSample(f))]));
    assert.equal(outlets['xinhua-kim-trump-meet-hanoi.txt'], 'Xinhua');
    assert.equal(outlets['npr-kuow-second-trump-kim-summit-hanoi.txt'], 'NPR');
    assert.equal(outlets['time-kim-trump-handshake-hanoi.txt'], 'time-kim-trump-handshake-hanoi');
    assert.equal(outletOf('file:///x/AP%20story.md', 'WASHINGTON (AP) — The Senate voted.'), 'AP');
    assert.equal(outletOf('file:///x/report.txt', 'Some text.\n\n© 2019 The Diplomat. All rights reserved.'), 'The Diplomat');
  });
});

describe('timeline: the picture (Show Timeline)', () => {
  const events = [
    storyEvent('summit', '2019-02-27', ['file:///c/xinhua.txt', 'file:///c/npr.txt'], ['person:kim-jong-un', 'person:donald-trump', 'place:hanoi'], 'Trump–Kim summit'),
    storyEvent('singapore', '2018-06', ['file:///c/xinhua.txt'], ['person:kim-jong-un']),
    storyEvent('statement', '2019', ['file:///c/npr.txt'], ['org:white-house']),
    storyEvent('someday', '', ['file:///c/npr.txt']),
  ];
  const names = { outlet: (p: string) => (p.includes('xinhua') ? 'Xinhua' : 'NPR'), entities: ENTITIES };

  it('one lane per outlet: an event once in each outlet that reports it, opening that outlet’s mention', () => {
    const pic = timelinePicture(events, 'outlet', names);
    assert.deepEqual(pic.groups, [{ id: 'outlet:NPR', content: 'NPR' }, { id: 'outlet:Xinhua', content: 'Xinhua' }]);
    assert.equal(pic.undated, 1);
    const summit = pic.items.filter(i => i.eventId === 'summit');
    assert.deepEqual(summit.map(i => [i.group, i.mention.path, i.type, i.start]), [['outlet:Xinhua', 'file:///c/xinhua.txt', 'point', '2019-02-27'], ['outlet:NPR', 'file:///c/npr.txt', 'point', '2019-02-27']]);
    assert.equal(summit[0].title, '27 February 2019 — Trump–Kim summit\nReported by Xinhua and NPR\nWith Kim Jong Un and Donald Trump\nAlso: Hanoi');
    const june = pic.items.find(i => i.eventId === 'singapore')!;
    assert.deepEqual([june.type, june.start, june.end], ['point', '2018-06-16', undefined], 'a month is a point in its middle (a bar a month wide has no room for its label)');
    const year = pic.items.find(i => i.eventId === 'statement')!;
    assert.deepEqual([year.type, year.start, year.end], ['range', '2019-01-01', '2020-01-01'], 'a year is a bar over the year');
    assert.equal(new Set(pic.items.map(i => i.id)).size, pic.items.length, 'ids are unique');
  });

  it('one lane per person, and a lane for events that name nobody', () => {
    const pic = timelinePicture(events, 'person', names);
    assert.deepEqual(pic.groups.map(g => g.content), ['Donald Trump', 'Kim Jong Un', 'No person named']);
    assert.deepEqual(pic.items.filter(i => i.eventId === 'summit').map(i => i.group), ['person:kim-jong-un', 'person:donald-trump']);
    assert.deepEqual(pic.items.filter(i => i.eventId === 'statement').map(i => i.group), ['nobody']);
    assert.ok(pic.items.every(i => !/person:|org:|place:/.test(i.title)), 'tooltips in words');
  });
});
