import { outletName } from '../quotes/compare';

/*
 * The outlet that published an article, as a reader names it: the credit of its dateline ("HANOI, Feb. 27
 * (Xinhua) --", "WASHINGTON (AP) —"), else its copyright line ("[Copyright 2019 NPR]", "© 2019 The Diplomat"), else its file name
 * without the extension (as the quotation comparison names versions). Only the head and the tail of the
 * article are read.
 */

const HEAD = 600;
const TAIL = 800;
/** CITY, Month Day (Outlet) -- */
const DATELINE = /(?:^|\n)[A-Z][A-Z .'’-]{1,40}(?:,[^\n()]{0,40})?\s\(([A-Z][\w.&'’ -]{0,40}?)\)\s*(?:--|—|–|-)/;
const COPYRIGHT = /(?:Copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([A-Z][\w.&'’ -]{0,40}?)\s*(?:[\].,;|]|\n|$|All rights)/;

export function outletOf(path: string, text: string): string {
  const dateline = DATELINE.exec(text.slice(0, HEAD));
  if (dateline) return dateline[1].trim();
  const copyright = COPYRIGHT.exec(text.slice(-TAIL));
  if (copyright && copyright[1].trim().length > 1) return copyright[1].trim();
  return outletName(path);
}

/** Outlets found once per article text (an article's text is a new string whenever it changes). */
export class Outlets {
  private readonly found = new Map<string, { text: string; outlet: string }>();

  of(path: string, text: string | undefined): string {
    if (text === undefined) return outletName(path);
    const known = this.found.get(path);
    if (known?.text === text) return known.outlet;
    const outlet = outletOf(path, text);
    this.found.set(path, { text, outlet });
    return outlet;
  }
}
