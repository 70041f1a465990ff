// chrono-node reading one text more than once (against two reference days, when an article has no
// publication date): its parsers' patterns match the same places whatever the reference, so a second reading
// takes the matches the first one found instead of running every pattern over the text again. What chrono
// makes of a match (the value) still depends on the reference and is made afresh each time.
import * as chrono from 'chrono-node';

/** Per parser, the match at each place of a piece of text where chrono looked for one (null: none from there). */
type Seen = Map<number, RegExpExecArray | null>[];

/** A copy chrono may change: parsers rewrite the match they are given (its index, its groups). */
function copyOf(m: RegExpExecArray | null): RegExpExecArray | null {
  if (!m) return null;
  const copy = m.slice() as RegExpExecArray;
  copy.index = m.index;
  copy.input = m.input;
  copy.groups = m.groups;
  return copy;
}

/**
 * chrono's casual English reader whose parsers remember, per piece of text (by its content), where their
 * patterns matched. Results are the same as chrono.parse's: the same parsers, refiners and matches.
 */
export function rereadingChrono(): chrono.Chrono {
  const seen = new Map<string, Seen>();
  const base = chrono.casual;
  const parsers: chrono.Parser[] = base.parsers.map((parser, k) => ({
    pattern(context: chrono.ParsingContext): RegExp {
      const pattern = parser.pattern(context);
      // a global or sticky pattern starts where its last match ended: not the text alone decides
      if (pattern.global || pattern.sticky) return pattern;
      let piece = seen.get(context.text);
      if (!piece) seen.set(context.text, (piece = base.parsers.map(() => new Map())));
      const matches = piece[k];
      const length = context.text.length;
      // chrono runs the pattern over what follows each match: the place is told by what remains
      return { exec(rest: string): RegExpExecArray | null {
        const at = length - rest.length;
        let m = matches.get(at);
        if (m === undefined) matches.set(at, (m = pattern.exec(rest)));
        return copyOf(m);
      } } as RegExp;
    },
    extract: (context, match) => parser.extract(context, match),
  }));
  return new chrono.Chrono({ parsers, refiners: base.refiners });
}
