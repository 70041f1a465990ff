// Issue 4's attribution patterns, each on a short text, with the shipped entity model as the product uses it.
import * as assert from 'node:assert/strict';
import { findQuotes } from '../../src/core/quotes';
import type { Quote } from '../../src/core/model';
import { shippedRecogniser } from './helpers';

const recogniser = shippedRecogniser();

/** Each quote's first words → the words its speaker rests on, and the person they resolve to. */
function speakers(text: string): Record<string, string> {
  const mentions = recogniser.recognise(text);
  const name = (q: Quote) => (q.speaker?.mentionIndex !== undefined ? mentions[q.speaker.mentionIndex].text : '');
  return Object.fromEntries(findQuotes(text, mentions).map(q => [q.text.split(/\s+/).slice(0, 3).join(' '), q.kind !== 'speech' ? q.kind : q.speaker ? `${q.speaker.text}${name(q) && name(q) !== q.speaker.text ? ` = ${name(q)}` : ''}` : 'nobody']));
}

describe('attribution: who said it', () => {
  it('a name right after the quote, titles and party between: “…,” added Rep. Jim Clyburn (D-S.C.)', () => {
    const text = '“We have seen this before,” added Rep. Jim Clyburn (D-S.C.), the assistant leader. “It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.';
    assert.deepEqual(speakers(text), { 'We have seen': 'Jim Clyburn', 'It is a': 'Gwen Moore' });
  });

  it('a cue after the quote that belongs to another clause does not attribute it: “…” when he said', () => {
    const text = 'Michael Flynn said Donald Trump was “absolutely right about the generals” when he said so on Wednesday.';
    assert.deepEqual(speakers(text), { 'absolutely right about': 'Michael Flynn' });
  });

  it('a question ending the sentence inside the quote: “… is?” Graham asked.', () => {
    const text = 'Senator Lindsey Graham spoke on Monday.\n\n“Does anybody know what the platform of the party is?” Graham asked. “Neither do I.”';
    assert.deepEqual(speakers(text), { 'Does anybody know': 'Graham', 'Neither do I.': 'Graham' });
  });

  it('speakers the recogniser does not name: the commission says, the letter reads', () => {
    const text = 'The commission says on its website that “there were issues regarding the audio in the hall.”\n\n“Our support for charter schools is not abstract at all,” the letter reads.';
    assert.deepEqual(speakers(text), { 'there were issues': 'The commission', 'Our support for': 'the letter' });
  });

  it('a noun that looks like a cue is not one: Clinton says Trump’s late-night tweets were “…”', () => {
    const text = 'Hillary Clinton says Donald Trump’s flurry of late-night tweets was “unhinged, even for him.”';
    assert.deepEqual(speakers(text), { 'unhinged, even for': 'Hillary Clinton' });
  });

  it('the subject, not a name inside its relative clause: Trump, who has pledged to solve the North Korea problem, says', () => {
    const text = 'Donald Trump, who has pledged to solve the North Korea problem, says the potential is “awesome.”';
    assert.deepEqual(speakers(text), { 'awesome.': 'Donald Trump' });
  });

  it('a dash after the quote names the speaker: “…” ― Pamela Padilla', () => {
    const text = 'Readers wrote to us.\n\n“He is ignorant of our culture and our lives.” ― Pamela Padilla\n\n“I’m so ashamed to be an American today.” ― Jacklyn Ashley';
    assert.deepEqual(speakers(text), { 'He is ignorant': 'Pamela Padilla', 'I’m so ashamed': 'Jacklyn Ashley' });
  });

  it('a transcript quoted whole: the label names the speaker and resolves to the person', () => {
    const text = 'Chris Wallace asked Mike Pence about the debate.\n\n"WALLACE: Let’s start with the debate story tonight."\n\n"PENCE: Well, look, she thinks this is a show."';
    assert.deepEqual(speakers(text), { 'WALLACE: Let’s start': 'WALLACE = Chris Wallace', 'PENCE: Well, look,': 'PENCE = Mike Pence' });
  });

  it('a paragraph ending with a colon introduces the quote that opens the next', () => {
    const text = 'Pat Caddell continued:\n\n"The health issue overall is very much a partisan issue, but not entirely."';
    assert.deepEqual(speakers(text), { 'The health issue': 'Pat Caddell' });
  });

  it('“she” is the last woman named, not the last person: what the article says of each (“his family”) decides', () => {
    const text = 'Hillary Clinton said she was sad. Terence Crutcher was shot in Tulsa, and his family grieved. On Tuesday she said she wanted to speak “directly to the people of this country about what happened.”';
    assert.deepEqual(speakers(text), { 'directly to the': 'she = Hillary Clinton' });
  });

  it('shows and slogans are titles even beside a cue; one bare word is a term', () => {
    const text = 'Pence said on “Fox News Sunday” that he was ready. Trump called him a “quack” and left.';
    assert.deepEqual(speakers(text), { 'Fox News Sunday': 'title', quack: 'scare' });
  });
  it('suffixes, state party tags and lower-case roles around a name: Mitch McConnell, R-Ky., said / said steelworker Anna Kowalski', () => {
    const text = '“We will hold the vote next week,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday. “The plant kept this town alive,” said retired steelworker Anna Kowalski. “Nobody asked us,” Martin Luther King III, a civil rights advocate, said on Twitter.';
    const found = speakers(text);
    assert.equal(found['We will hold'], 'Mitch McConnell');
    assert.equal(found['The plant kept'], 'Anna Kowalski');
    assert.match(found['Nobody asked us,'], /King/);
  });

  it('the attribution that closes the sentence: “…” for the workers, she said, adding …', () => {
    const text = 'Senator Maria Lopez spoke on Monday. “The only way this changes is a strike” by the nurses, she said, adding that talks had stalled.';
    assert.deepEqual(speakers(text), { 'The only way': 'she = Maria Lopez' });
  });

  it('“it added”: the publication or organisation quoted just before', () => {
    const text = '“The company has failed its customers,” the report read. “It must change course,” it added.';
    const mentions = recogniser.recognise(text);
    const quotes = findQuotes(text, mentions);
    assert.equal(quotes[1].speaker?.text, 'it');
    assert.equal(quotes[1].speaker?.name, 'the report');
  });

  it('a verb joined by "and" or "but" shares the sentence\'s subject, not the nearest name', () => {
    const text = 'Mayor Jennifer Roberts met Governor Pat McCrory on Friday and said “the question is the timing.”';
    assert.deepEqual(speakers(text), { 'the question is': 'Jennifer Roberts' });
  });

  it('a quote attributed later in the paragraph is the speaker its follow-up continues: “…,” Tanner said. “…”', () => {
    const text = 'Aparna Mathur, who studies tax policy, said the plan was vague. “They have not thought it through,” Michael Tanner said. “There is no legal way to do it.”';
    assert.deepEqual(speakers(text), { 'They have not': 'Michael Tanner', 'There is no': 'Michael Tanner' });
  });
  it('a pronoun opening a sentence is the subject of the sentence before, not the last name in it', () => {
    const text = 'Donald Trump said praise from Russian President Vladimir Putin would not change his policy. He said Putin has “been a leader far more than our president.”';
    assert.deepEqual(speakers(text), { 'been a leader': 'He = Donald Trump' });
  });
  it('organisations speak: “…,” the White House said / according to the Pentagon', () => {
    const text = '“The talks were productive,” the White House said in a statement. Progress was “slower than hoped,” according to the Pentagon.';
    const found = speakers(text);
    assert.match(found['The talks were'], /White House/);
    assert.match(found['slower than hoped,'], /Pentagon/);
  });

  it('a pronoun chain over paragraphs: he said … he added … stays with the man named first', () => {
    const text = 'President Moon Jae-in met Chancellor Angela Merkel in Berlin on Monday.\n\n“We are ready,” Moon said.\n\n“The region needs calm,” he added. “We will not wait,” he said later.';
    assert.deepEqual(speakers(text), { 'We are ready,': 'Moon', 'The region needs': 'he = Moon', 'We will not': 'he = Moon' });
  });

  it('“according to” needs its speaker right after it, not some words later', () => {
    const text = 'According toReutersDespite the optimism of both leaders, experts doubt the summit will bring “complete denuclearization.”';
    assert.notEqual(speakers(text)['complete denuclearization.'], 'the optimism');
  });
});
