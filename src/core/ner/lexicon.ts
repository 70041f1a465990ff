/**
 * Word lists behind the rule-based recogniser. Small on purpose: the trained tagger (issue 3) brings its own
 * gazetteers. Every list is lower-case; look words up with `has(list, word)`.
 */
const set = (words: string) => new Set(words.split('|'));

export const COUNTRIES = set(
  'afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|belgium|bolivia|bosnia|botswana|brazil|britain|bulgaria|burma|cambodia|cameroon|canada|chad|chile|china|colombia|congo|croatia|cuba|cyprus|czechia|czech republic|denmark|ecuador|egypt|england|eritrea|estonia|ethiopia|finland|france|georgia|germany|ghana|greece|guatemala|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|korea|kosovo|kuwait|laos|latvia|lebanon|liberia|libya|lithuania|luxembourg|macedonia|madagascar|malaysia|mali|malta|mexico|moldova|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nepal|netherlands|new zealand|nicaragua|niger|nigeria|north korea|south korea|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saudi arabia|scotland|senegal|serbia|singapore|slovakia|slovenia|somalia|south africa|south sudan|spain|sri lanka|sudan|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|united kingdom|united states|united states of america|uruguay|uzbekistan|venezuela|vietnam|viet nam|wales|yemen|zambia|zimbabwe|u.s.|us|usa|u.s.a.|uk|u.k.|dprk|rok|prc|uae|america|the united states|koreas',
);

export const PLACES = set(
  'hanoi|ho chi minh city|saigon|danang|da nang|singapore|pyongyang|seoul|tokyo|beijing|shanghai|hong kong|washington|new york|los angeles|chicago|boston|san francisco|london|paris|berlin|moscow|kyiv|kiev|brussels|geneva|vienna|rome|madrid|lisbon|dublin|amsterdam|stockholm|oslo|helsinki|copenhagen|warsaw|prague|budapest|athens|istanbul|ankara|tehran|baghdad|damascus|beirut|jerusalem|tel aviv|cairo|riyadh|dubai|doha|kabul|islamabad|new delhi|delhi|mumbai|bangkok|jakarta|manila|kuala lumpur|taipei|sydney|melbourne|canberra|ottawa|toronto|montreal|mexico city|havana|caracas|bogota|lima|santiago|buenos aires|brasilia|rio de janeiro|nairobi|lagos|johannesburg|addis ababa|panmunjom|yongbyon|pyeongchang|busan|osaka|kaesong|asia|europe|africa|antarctica|oceania|north america|south america|latin america|middle east|korean peninsula|the korean peninsula|pacific|atlantic|the pacific|the atlantic|arctic|capitol hill|texas|california|florida|virginia|ohio|iowa|alaska|hawaii|arizona|nevada|oregon|utah|michigan|georgia|new jersey|pennsylvania|massachusetts|maryland|carolina|north carolina|south carolina|tennessee|kentucky|wisconsin|minnesota|missouri|colorado|indiana|illinois|louisiana|alabama|mississippi|kansas|nebraska|oklahoma|vermont|maine|montana|wyoming|idaho|dakota|connecticut|delaware|guam|okinawa|crimea|gaza|west bank|kashmir|tibet|xinjiang|manhattan|brooklyn|wall street|silicon valley|hollywood|mar-a-lago|camp david|dmz',
);

export const ORGANISATIONS = set(
  'un|united nations|nato|eu|european union|who|imf|world bank|wto|opec|asean|apec|g7|g20|iaea|cia|fbi|nsa|pentagon|congress|senate|parliament|kremlin|white house|state department|nikkei|xinhua|reuters|ap|afp|bbc|cnn|npr|kuow|nbc|abc|cbs|fox news|msnbc|time|yonhap|kcna|the new york times|new york times|the washington post|washington post|wall street journal|the guardian|twitter|facebook|google|apple|microsoft|amazon|samsung|hyundai|toyota|wpk|kpa|democrats|republicans|democratic party|republican party|gop|supreme court|central committee|politburo|the diplomat|sofitel',
);

/** Nationality and demonym words: kept as MISC, never highlighted as people or places. */
export const NATIONALITIES = set(
  'american|americans|north korean|north koreans|south korean|south koreans|korean|koreans|vietnamese|chinese|japanese|russian|russians|british|french|german|germans|indian|iranian|iraqi|syrian|israeli|israelis|palestinian|palestinians|european|europeans|asian|african|arab|arabs|muslim|muslims|christian|christians|jewish|western|eastern|soviet|canadian|mexican|australian|ukrainian|turkish|saudi|egyptian|pakistani|afghan|inter-korean|english|spanish|italian|dutch|swiss|swedish|norwegian|polish|greek|thai|filipino|indonesian|malaysian|singaporean|taiwanese|cuban|brazilian|argentine|chilean|nigerian|kenyan',
);

/** Capitalised titles written before a name: part of the title, not of the name. */
export const TITLES = set(
  'mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|prof|prof.|sir|dame|lord|lady|president|vice|chairman|chairwoman|chair|premier|prime|minister|secretary|general|gen.|gen|sen.|sen|senator|rep.|rep|representative|congressman|congresswoman|gov.|gov|governor|mayor|king|queen|prince|princess|pope|ambassador|envoy|chancellor|judge|justice|attorney|acting|deputy|chief|commander|admiral|colonel|col.|lt.|lieutenant|captain|capt.|sergeant|officer|director|spokesman|spokeswoman|spokesperson|speaker|leader|supreme|foreign|defense|defence|state|staff|of|the|national|security|adviser|advisor|first|former|ex|then|late|saint|st.|rev.|reverend|father|brother|sister|sheikh|emperor|marshal|comrade|party|vice-chairman|vice-president',
);

/** Lower-case role words written before a name ("North Korean leader Kim Jong Un"): kept as the title. */
export const ROLE_WORDS = set(
  'leader|president|chairman|chairwoman|minister|secretary|spokesman|spokeswoman|spokesperson|official|envoy|ambassador|chief|adviser|advisor|lawyer|fixer|aide|reporter|correspondent|founder|ceo|head|director|general|commander|governor|senator|mayor|premier|king|queen|dictator|negotiator|diplomat|counterpart|sister|brother|wife|husband|son|daughter|analyst|expert|professor|boss',
);

/** Titles that make a run a person even without a first name: "Mr. Kim", "President Trump". */
export const PERSON_TITLES = set(
  'mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|prof|prof.|sir|dame|president|chairman|chairwoman|senator|sen.|sen|rep.|representative|gov.|governor|mayor|king|queen|prince|princess|pope|ambassador|envoy|judge|justice|general|gen.|admiral|colonel|col.|lt.|captain|capt.|minister|secretary|premier|chancellor|speaker|spokesman|spokeswoman|chief|leader|director|sheikh|emperor|marshal|comrade',
);

/** Last words that make a run an organisation. */
export const ORG_HEADS = set(
  'party|committee|council|ministry|agency|inc|inc.|corp|corp.|corporation|ltd|ltd.|llc|co|co.|company|university|college|school|association|bureau|news|times|post|press|journal|herald|tribune|group|bank|fund|organization|organisation|union|commission|department|office|court|congress|senate|parliament|assembly|army|navy|forces|force|institute|foundation|network|airlines|airways|agency|federation|league|club|team|administration|government|regime|service|services|church|hospital|police|guard|corps|board|authority|center|centre|program|programme|politburo|cabinet|secretariat|commerce|reserve|exchange|media|broadcasting|radio|television|tv|magazine',
);

/** Last words that make a run a place (facilities count as places). */
export const PLACE_HEADS = set(
  'city|province|state|county|district|region|peninsula|island|islands|sea|ocean|river|lake|mountain|mountains|valley|bay|gulf|strait|coast|street|avenue|road|square|park|hotel|airport|palace|hall|building|stadium|tower|bridge|border|zone|village|town|capital|republic|kingdom|emirates|highlands|desert|plaza|center|base|port|harbour|harbor|station',
);

/** Function and common words that are capitalised only because they start a sentence or a headline. */
export const COMMON_WORDS = set(
  'a|an|the|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|in|on|at|to|for|from|with|without|by|of|off|as|and|but|or|nor|so|yet|if|when|while|after|before|since|until|because|although|though|as|also|however|meanwhile|still|even|just|only|then|now|today|tomorrow|yesterday|some|many|most|more|much|few|all|both|each|every|any|no|not|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|next|new|old|other|such|what|which|who|whom|whose|why|how|where|is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|said|says|asked|told|according|following|despite|during|about|above|below|under|over|into|onto|upon|between|among|against|toward|towards|through|throughout|within|around|near|like|unlike|instead|rather|than|again|already|yes|well|why|let|get|make|made|take|took|see|saw|look|looks|support|give|skip|read|write|enlarge|icon|caption|credit|recent|features|overcoming|mixed|emotions|historic|top|people|leaders|summit|talks|experts|reporters|former|acting|formal|calling|noting|accompanying|asked|historic|some|several|both|former|meet|watch|why|how|best|essential|works|of|cinema|sleep|key|living|longer|break|toxic|communication|habits|bet|won|long|kid|class|generation|next|newest|must-reads|more|must|write|according|copyright|main|content|independent|nonprofit|newsroom|possible|trust|give|now|you',
);

/** Connecting words allowed inside a name when a capitalised word follows: "Bank of England", "People's Republic of Korea". */
export const NAME_CONNECTORS = set('of|the|de|del|della|di|da|van|von|der|den|bin|bint|al|el|la|le|du|&|for|on');

/** Last words of named events, works and wars: kept as MISC. */
export const EVENT_HEADS = set('war|summit|games|olympics|olympic|cup|championship|election|elections|crisis|revolution|conference|declaration|agreement|accord|treaty|act|bill|prize|award|day|week|festival|show|awards|cinema|inventions|like');

/** Capitalised abbreviations that are not names. */
export const NOT_NAMES = set('tv|ceo|gdp|ai|dna|pm|am|ok|covid|faq|pdf|url|ps|ii|iii|iv');

export const WEEKDAYS = set('monday|tuesday|wednesday|thursday|friday|saturday|sunday');

/** Common first names, for telling a person from an organisation when no title helps. */
export const FIRST_NAMES = set(
  'aaron|adam|adrian|ahmed|alan|albert|alex|alexander|alexandra|alice|alison|amanda|amy|andrea|andrew|angela|angelina|ann|anna|anne|anthony|antonio|ashley|barack|barbara|ben|benjamin|bernie|beth|betsy|bill|bob|boris|brad|brandon|brett|brian|bruce|carl|carlos|carol|caroline|catherine|charles|charlie|chris|christian|christine|christopher|chuck|claire|colin|craig|dan|daniel|david|deborah|dennis|diana|donald|dick|donna|doug|douglas|ed|edward|elizabeth|ellen|emily|emma|emmanuel|eric|erik|frank|fred|gary|george|gina|greg|gregory|hank|harold|harry|heather|helen|henry|hillary|hope|hugh|ian|ivanka|jack|jacob|james|jane|janet|jared|jason|jean|jeff|jeffrey|jennifer|jeremy|jerry|jessica|jim|jimmy|joe|john|johnny|jon|jonathan|jose|joseph|joshua|juan|judy|julia|julian|julie|justin|karen|kate|katherine|kathleen|kathy|keith|kelly|ken|kenneth|kevin|kim|kimberly|kirsten|kyle|larry|laura|lauren|lee|linda|lisa|louis|lucy|luis|maria|marie|mark|martha|martin|mary|matt|matthew|maxine|megan|melania|michael|michelle|mick|mike|mitch|mohammed|muhammad|nancy|nathan|neil|nicholas|nick|nicola|nikki|olivia|pam|pat|patricia|patrick|paul|peter|phil|philip|rachel|ralph|randy|raymond|rebecca|rex|richard|rick|rob|robert|roger|ron|ronald|rose|roy|russell|ryan|sally|sam|samuel|sandra|sara|sarah|scott|sean|sebastian|sergei|shinzo|stephen|steve|steven|susan|ted|teresa|thomas|tim|timothy|tom|tony|vladimir|walter|wayne|william|xi|yoshihide|boris|emmanuel|angela|justin|narendra|recep|benjamin|mahmoud|hassan|ali|omar|abdul|laignee|jae-in|shinzo|kamala|joe|nicolás|jair|theresa|jacinda|volodymyr|olaf|rishi|keir|fumio',
);

/** Family names written first (Korean, Chinese, Vietnamese): "Kim Jong Un", "Ri Yong Ho", "Moon Jae-in". */
export const SURNAME_FIRST = set('kim|lee|ri|yi|park|pak|choi|choe|jung|jong|kang|cho|jo|yoon|yun|jang|lim|han|oh|seo|shin|kwon|hwang|ahn|song|hong|moon|mun|xi|li|wang|zhang|liu|chen|yang|huang|zhao|wu|zhou|hu|jiang|wen|deng|mao|nguyen|tran|le|pham|hoang|phan|vu|vo|dang|bui|do|ho|ngo|duong|ly');

export function has(list: Set<string>, word: string): boolean {
  return list.has(word.toLowerCase());
}
