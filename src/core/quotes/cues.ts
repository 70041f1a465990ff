/** Verbs and phrases that attribute words to a speaker. */
const CUE_WORDS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'reply', 'replies',
  'replied', 'ask', 'asks', 'asked', 'tweet', 'tweets', 'tweeted', 'write', 'writes', 'wrote', 'insist', 'insists', 'insisted',
  'continue', 'continues', 'continued', 'stated', 'declare', 'declares', 'declared', 'explain', 'explains',
  'explained', 'note', 'notes', 'noted', 'noting', 'argue', 'argues', 'argued', 'claim', 'claims', 'claimed', 'warn', 'warns',
  'warned', 'announce', 'announces', 'announced', 'acknowledge', 'acknowledged', 'admit', 'admits', 'admitted', 'recall',
  'recalled', 'remark', 'remarked', 'respond', 'responded', 'answer', 'answered', 'shout', 'shouted', 'urge', 'urged',
  'quip', 'quipped', 'joke', 'joked', 'caution', 'cautioned', 'vow', 'vowed', 'reiterate', 'reiterated', 'emphasize',
  'emphasized', 'emphasise', 'emphasised', 'stress', 'stressed', 'suggest', 'suggested', 'conclude', 'concluded', 'referenced',
  'describe', 'described', 'describing', 'call', 'called', 'calling', 'predict', 'predicted', 'boast', 'boasted', 'complain',
  'complained', 'confirm', 'confirmed', 'deny', 'denied', 'mused', 'recounted', 'observed', 'posted', 'read',
  'according', 'report', 'reports', 'reported', 'asking', 'claiming', 'arguing', 'warning', 'insisting', 'explaining',
  'declaring', 'vowing', 'suggesting', 'acknowledging', 'sings', 'sang', 'testified', 'demanded', 'charged', 'countered',
  'conceded', 'promised', 'pledged', 'quoted', 'retorted', 'recalls', 'reads', 'observes', 'scoffed',
  'chanted', 'chanting', 'yelled', 'yells', 'yelling', 'screamed', 'tweeting', 'characterized', 'characterizing',
];

/** Cues that are also nouns ("his tweets", "a statement"): cues only right after their subject. */
export const NOUN_OR_VERB = new Set(['tweet', 'tweets', 'call', 'calls', 'claim', 'claims', 'note', 'notes', 'read', 'reads', 'answer', 'remark',
  'vow', 'vows', 'joke', 'jokes', 'quip', 'stress', 'report', 'reports', 'caution', 'warn', 'posted', 'describe']);

export const CUES = new Set(CUE_WORDS);

/** Cues after which the speaker usually follows ("according to X", "said X"). */
export const SPEAKER_AFTER = new Set(['according']);

/** Words that may stand between a speaker and the cue: "Trump simply said", "Trump said later". */
export const ADVERBS = new Set(['simply', 'later', 'also', 'further', 'then', 'again', 'just', 'has', 'had', 'have', 'once', 'repeatedly', 'previously', 'earlier', 'recently', 'reportedly', 'quickly', 'finally', 'firmly', 'flatly', 'only', 'would', 'will', 'did', 'does', 'is', 'was', 'not', 'never']);

/** Pronouns that can be the subject of a cue ("he said"); "him" and "her" are objects, never speakers. */
export const PRONOUNS = new Set(['he', 'she']);

/** Role nouns of descriptions that stand for a person named earlier: "the U.S. president", "the North Korean leader". */
export const DESCRIPTION = /\b[Tt]he\s+((?:[A-Z][\w.'’-]*\s+){0,3})(president|leader|chairman|minister|secretary|spokesman|spokeswoman|premier|chancellor|prime minister|senator|governor|mayor|envoy|ambassador|official)\b/g;
