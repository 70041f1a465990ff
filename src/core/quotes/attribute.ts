// Attribution of a quote to its speaker from the cue in its sentence, before or after the quote.

import type { Cue, SpeakerMention } from '../model';
import type { Span } from '../text/span';
import { isCapitalised } from '../text/tokens';
import { ADVERBS, NOUN_OR_VERB, SPEAKER_AFTER } from './cues';
import { afterName, afterSuffix, APPOSITION, CLAUSE_WORD, closesSentence, cueOf, DETERMINER, isCue, isVerbUse, JOINED, PARTICIPLE, PREPOSITION, TITLE_GAP, wordsIn } from './cuePatterns';
import { following, nounPhraseBefore, phrase } from './speakerPhrases';
import { speakerOf, type Speakers } from './speakers';

export { personByFamily, speakerCandidates, type Candidate, type Speakers } from './speakers';

export interface Attribution {
  speaker: SpeakerMention;
  cue: Cue;
  /** Where the cue stands relative to the quote. */
  side: 'before' | 'after';
}

/**
 * Attribution from the words around a quote, within its sentence: `after` is the text from the closing
 * mark to the sentence end, `before` from the sentence start to the opening mark (other quotes masked).
 * Right after the quote, the speaker must follow the closing mark directly (“…,” Trump said / said Trump /
 * ― Pamela Padilla); otherwise the cue before the quote decides.
 */
export function attribute(text: string, before: Span, after: Span, speakers: Speakers): Attribution | null {
  return attributeAfter(text, after, speakers) ?? attributeBefore(text, before, after, speakers);
}

function attributeAfter(text: string, after: Span, speakers: Speakers): Attribution | null {
  const { candidates } = speakers;
  const tail = text.slice(after.start, after.end);
  // “…” ― Pamela Padilla
  const dash = /^[\s,]*(?:―|—|–|--)\s*/.exec(tail);
  if (dash) {
    const at = after.start + dash[0].length;
    const named = candidates.within({ start: at, end: after.end })[0];
    const words = wordsIn(text, { start: at, end: after.end });
    const run = words.findIndex(w => !isCapitalised(w.text));
    const speaker = named && named.start === at ? named : phrase(text, words.slice(0, Math.min(run < 0 ? words.length : run, 5)), speakers);
    if (speaker) return { speaker: speakerOf(speaker), cue: { start: after.start + dash[0].trimEnd().length - 1, end: at, text: dash[0].trim() }, side: 'after' };
  }
  const words = wordsIn(text, after).slice(0, 30);
  // "the report read": a cue that is also a noun is a noun after a determiner
  const k = words.findIndex((w, i) => isCue(w) && !(NOUN_OR_VERB.has(w.text.toLowerCase()) && i > 0 && DETERMINER.test(words[i - 1].text)));
  if (k < 0) return null;
  const cue = words[k];
  if (k === 0) {
    // “…,” said Trump / said the president / added Rep. Jim Clyburn (D-S.C.)
    const speaker = following(text, cue, after.end, speakers);
    return speaker ? { speaker: speakerOf(speaker), cue: cueOf(cue, text), side: 'after' } : null;
  }
  const lead = words.slice(0, k);
  const inLead = candidates.within({ start: after.start, end: cue.start });
  const last = inLead[inLead.length - 1];
  if (last) {
    // “…,” Trump said / Rep. Gwen Moore (D-Wis.) said / retired Air Force general Lloyd Newton said
    const pre = lead.filter(w => w.end <= last.start);
    const post = wordsIn(text, { start: afterName(text, last.end), end: cue.start });
    const titled = pre.length <= 6 && pre.every(w => !CLAUSE_WORD.test(w.text) && !PREPOSITION.test(w.text)) && (!pre.length || DETERMINER.test(pre[0].text) || pre.some(w => isCapitalised(w.text)));
    const adjacent = post.every(w => ADVERBS.has(w.text.toLowerCase()) || /^\(/.test(text.slice(w.start - 1, w.start)) || isCapitalised(w.text) && /\)/.test(text.slice(w.end, w.end + 2)));
    if (titled && adjacent) return { speaker: speakerOf(last), cue: cueOf(cue), side: 'after' };
    // “…,” Obama's former campaign strategist said
    if (titled && post.length && /^['’]s\b/.test(text.slice(last.end, last.end + 2))) {
      const named = phrase(text, lead.filter(w => !ADVERBS.has(w.text.toLowerCase())), speakers);
      if (named) return { speaker: speakerOf(named), cue: cueOf(cue), side: 'after' };
    }
    // “…,” Malkia Cyril, the executive director at the Center of Media Justice, told … / Rep. Jim Jordan (R-Ohio), a member, said
    const first = inLead[0];
    const before = lead.filter(w => w.end <= first.start);
    if (before.length <= 4 && before.every(w => isCapitalised(w.text)) && APPOSITION.test(text.slice(afterSuffix(text, first.end), cue.start))) return { speaker: speakerOf(first), cue: cueOf(cue), side: 'after' };
    // “…” for criminal behavior, she said. — the sentence's own attribution closes it
    if (adjacent && /,\s*$/.test(text.slice(after.start, last.start)) && closesSentence(text, cue.end, after.end)) return { speaker: speakerOf(last), cue: cueOf(cue), side: 'after' };
    if (!DETERMINER.test(lead[0].text) || k > 6) return null;
  }
  if (k > 6) return null;
  // “…,” it added. — an organisation or publication quoted just before; resolved by the caller
  const plain = lead.filter(w => !ADVERBS.has(w.text.toLowerCase()));
  if (plain.length === 1 && /^it$/i.test(plain[0].text)) return { speaker: speakerOf({ ...plain[0], text: plain[0].text, kind: 'pronoun' }), cue: cueOf(cue), side: 'after' };
  const named = phrase(text, plain, speakers);
  return named ? { speaker: speakerOf(named), cue: cueOf(cue), side: 'after' } : null;
}

function attributeBefore(text: string, before: Span, after: Span, speakers: Speakers): Attribution | null {
  const { candidates } = speakers;
  const words = wordsIn(text, before);
  for (let k = words.length - 1; k >= 0; k--) {
    const cue = words[k];
    if (!isCue(cue) || !isVerbUse(text, cue, candidates)) continue;
    const word = cue.text.toLowerCase();
    if (SPEAKER_AFTER.has(word)) {
      // "according to" and then the speaker, right away (titles allowed): "according to the White House"
      const to = /^according\s+to\s+/i.exec(text.slice(cue.start, cue.start + 20));
      if (!to) continue;
      const at = cue.start + to[0].length;
      const next = candidates.within({ start: at, end: before.end })[0];
      const rest = words.slice(k + 2, k + 5);
      const speaker = next && TITLE_GAP.test(text.slice(at, next.start)) ? next : rest[0]?.start === at ? phrase(text, rest, speakers) : undefined;
      if (speaker) return { speaker: speakerOf(speaker), cue: cueOf(cue, text), side: 'before' };
      continue;
    }
    const preceding = candidates.within({ start: before.start, end: cue.start });
    const participle = PARTICIPLE.test(cue.text);
    // "…, adding that “…”": a participle's subject is the sentence's subject, not the nearest name;
    // "Noting “efforts and patience” were needed, Kim said …": the subject may follow the quote
    // "Roberts said she thinks … but said “…”": a verb joined by and/but shares the sentence's subject
    const joined = JOINED.exec(text.slice(Math.max(before.start, cue.start - 24), cue.start));
    const coordinated = Boolean(joined && (!joined[1] || ADVERBS.has(joined[1].toLowerCase())));
    const subject = coordinated && preceding.length ? preceding[0] : participle ? preceding[0] ?? candidates.within(after).find(c => /,\s*$/.test(text.slice(Math.max(after.start, c.start - 3), c.start))) : preceding[preceding.length - 1];
    // the commission says …: a subject the recogniser did not name stands right before the cue, unless the
    // named subject is the one ("Trump, who has pledged to solve the North Korea problem, says")
    const between = subject && subject.end <= cue.start ? text.slice(afterSuffix(text, subject.end), cue.start) : '';
    const direct = subject && (!between.trim() || /^\s*(?:\([^()]*\))?\s*,[^.!?]*,\s*$/.test(between) || wordsIn(text, { start: subject.end, end: cue.start }).every(w => ADVERBS.has(w.text.toLowerCase())));
    const np = !participle && !direct && !coordinated ? nounPhraseBefore(text, words, k, speakers) : undefined;
    if (np && !candidates.overlapping(np).length) return { speaker: speakerOf(np), cue: cueOf(cue), side: 'before' };
    if (subject) return { speaker: speakerOf(subject), cue: cueOf(cue), side: 'before' };
    const inverted = following(text, cue, before.end, speakers);
    if (inverted) return { speaker: speakerOf(inverted), cue: cueOf(cue), side: 'before' };
  }
  return null;
}
