/*
 * English given names and the short forms news writes for them ("Tim" Sloan for Timothy J. Sloan, "Bill"
 * Clinton for William). No well-kept list ships on npm, so this is a short one of the common hypocorisms;
 * it is used only within one article, between two full names of the same family (entities/withinArticle.ts).
 */
const FORMS: Record<string, string[]> = {
  alexander: ['alex', 'al'], alfred: ['al', 'alf'], andrew: ['andy', 'drew'], anthony: ['tony'], albert: ['al', 'bert'],
  benjamin: ['ben', 'benny'], bernard: ['bernie'], charles: ['charlie', 'chuck'], christopher: ['chris'],
  daniel: ['dan', 'danny'], david: ['dave'], donald: ['don'], douglas: ['doug'], edward: ['ed', 'eddie', 'ted', 'ned'],
  elizabeth: ['liz', 'beth', 'betsy', 'betty', 'eliza'], frederick: ['fred', 'freddy', 'freddie'], gerald: ['jerry'],
  gregory: ['greg'], harold: ['hal', 'harry'], henry: ['hank', 'harry'], james: ['jim', 'jimmy', 'jamie'],
  jeffrey: ['jeff'], jennifer: ['jen', 'jenny'], john: ['jack', 'johnny'], jonathan: ['jon'], joseph: ['joe', 'joey'],
  joshua: ['josh'], katherine: ['kate', 'kathy', 'katie'], catherine: ['kate', 'cathy'], kenneth: ['ken', 'kenny'],
  lawrence: ['larry'], margaret: ['maggie', 'meg', 'peggy'], matthew: ['matt'], michael: ['mike', 'mick'],
  mitchell: ['mitch'], nicholas: ['nick'], patricia: ['pat', 'patty', 'trish'], patrick: ['pat'], peter: ['pete'],
  philip: ['phil'], rebecca: ['becky'], richard: ['dick', 'rick', 'rich'], robert: ['bob', 'bobby', 'rob', 'bert'],
  ronald: ['ron', 'ronnie'], samuel: ['sam'], stephen: ['steve'], steven: ['steve'], susan: ['sue', 'susie'],
  theodore: ['ted', 'teddy'], thomas: ['tom', 'tommy'], timothy: ['tim'], walter: ['walt'], william: ['bill', 'billy', 'will', 'willie'],
  zachary: ['zach'], abraham: ['abe'], barbara: ['barb'], christine: ['chris'], deborah: ['deb', 'debbie'],
  dorothy: ['dot'], eugene: ['gene'], franklin: ['frank'], francis: ['frank'], raymond: ['ray'], randolph: ['randy'],
  rudolph: ['rudy'], stanley: ['stan'], vincent: ['vince'], victoria: ['vicky'],
};

const FORMAL = new Map<string, Set<string>>();
for (const [formal, short] of Object.entries(FORMS)) for (const s of short) (FORMAL.get(s) ?? FORMAL.set(s, new Set()).get(s)!).add(formal);

/** Whether `short` is a short form of `formal` ("tim", "timothy"); both in lower case. */
export function isShortFormOf(short: string, formal: string): boolean {
  return FORMAL.get(short)?.has(formal) ?? false;
}
