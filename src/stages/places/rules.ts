/**
 * Rules of the places stage: how the spotter accepts a gazetteer match, and how the resolver ranks the
 * readings of an ambiguous name. Ids are cited in `places[].rules` next to the gazetteer source of the reading
 * (gazetteer.country, gazetteer.city, gazetteer.city-loose, place-alias.<id>).
 */

export interface PlaceRule {
  id: string;
  /** What the rule does, with the text it is meant for. */
  description: string;
  example: string;
}

export const SPOT_RULES = {
  match: {
    id: 'places.spot.gazetteer',
    description: 'A capitalised run of up to six tokens that names a known place, longest first.',
    example: 'talks in Baghdad were',
  },
  insideName: {
    id: 'places.spot.inside-name',
    description: 'Part of a longer capitalised name counts when it is a country, region or sea, a large city, or a place before an institution word.',
    example: 'U.S. ambassador to Iraq Ryan Crocker',
  },
} as const satisfies Record<string, PlaceRule>;

export const RANK_RULES = {
  population: {
    id: 'places.rank.population',
    description: 'Among cities of one name, the larger and the capital first.',
    example: 'Paris (France, 2.1 M) before Paris, Texas (25 k)',
  },
  articleCountry: {
    id: 'places.rank.article-country',
    description: 'A reading in a country the article names elsewhere (or its dateline, or its nationality words) gains.',
    example: 'Hilla in an Iraq story → Al Ḩillah, Iraq',
  },
  adminContext: {
    id: 'places.rank.admin-context',
    description: 'A city or county in a first-level region the article names gains, more when one sentence names both.',
    example: 'Paris in a story that names Texas → Paris, Texas',
  },
  container: {
    id: 'places.rank.container',
    description: '"X, Y" or "X in Y": X is read inside Y, and Y as the region or country that holds X.',
    example: 'Buffalo, New York → Buffalo in New York State',
  },
  listPeer: {
    id: 'places.rank.list-peer',
    description: 'In a list of names, a reading of the same kind as its neighbours gains (states among states, countries among countries).',
    example: 'Michigan, Oregon, New Mexico, New York, Indiana → New York State',
  },
  regionTitle: {
    id: 'places.rank.region-title',
    description: 'A name before "Governor", "Legislature" or "Senate", or after "the state of", is a state or province.',
    example: 'New York Governor Andrew Cuomo → New York State',
  },
  longerName: {
    id: 'places.rank.longer-name',
    description: 'A short name gains the reading that a longer name of the story holding it has (one sense per discourse).',
    example: '"the Republic of Congo" ... "the government of Congo" → Republic of the Congo',
  },
  near: {
    id: 'places.rank.near',
    description: 'A reading tied to countries the article names (place-aliases.tsv "near" column) gains.',
    example: 'war games in the Gulf (Iran story) → Persian Gulf',
  },
} as const satisfies Record<string, PlaceRule>;

/** Scores of a reading before context: one point is a factor of ten in city population. */
export const PRIOR = {
  country: 10,
  /** A city our alias table names for this spelling ("Washington" → Washington, D.C.). */
  aliasCity: 9,
  /** First-level regions: "Georgia" is the country unless the article is about the United States. */
  region: 7,
  /** First-level regions from the generated admin table: below a town of a million, which the news means more often ("Kirkuk"). */
  admin1: 6,
  /** US counties and parishes ("Scott County"): named in full, rarely ambiguous but across states. */
  admin2: 6,
  /** Other countries' second-level areas ("Pangasinan", "Somme"): as a town of 10,000, and only with context. */
  worldAdmin2: 4,
  /** Named regions and seas outside the admin tables ("Darfur", "Pacific") outrank towns named after them. */
  namedRegion: 8,
  water: 8,
  /** A national capital is what the name means abroad too ("Warsaw" in a US story). */
  capital: 2.5,
  adminSeat: 0.7,
  districtSeat: 0.3,
  /** Matched only after folding transliteration variants ("Iran" ~ "Iraan", Texas). */
  loose: -0.8,
  /** A section of a city, not the city. */
  citySection: -1,
} as const;

/** Context bonuses (RANK_RULES). */
export const CONTEXT = {
  articleCountry: 2.5,
  /** Extra when three or more other names support the country. */
  strongArticleCountry: 1,
  adminContext: 3,
  /** Extra when the region is named in a sentence that names the place too. */
  adminSameSentence: 1,
  container: 6,
  listPeer: 3,
  regionTitle: 3,
  near: 3,
  longerName: 4,
} as const;

/** Between two names of one list: "Iraq, Iran and Syria", "Ohio or Texas". */
export const LIST_SEPARATOR = /^\s*(?:,|,?\s+(?:and|or))\s+$/;

/** Before a state's name: "the state of Washington", "the province of Ontario". */
export const REGION_TITLE_BEFORE = /\b(?:[Ss]tate|[Pp]rovince)\s+of\s+$/;

/** Between a place and the area that holds it: "Buffalo, New York", "Hilla in Iraq", "Austin, in Scott County", "located in". */
export const CONTAINER_BETWEEN = /^\s*,\s*$|^\s*,?\s+(?:(?:located|situated)\s+)?in\s+$/;

/** After a state's name: "New York Governor", "the Texas Legislature". */
export const REGION_TITLE_AFTER = /^\s+(?:[Ss]tate\s+)?(?:[Gg]overnor|[Ll]egislature|[Ss]enate|[Ss]enator|[Aa]ttorney [Gg]eneral|[Ss]upreme [Cc]ourt)\b/;

/**
 * A city reading with no support from context must be at least this large: a lone "Crocker" or "Yap" in a
 * story about Iraq is a surname, not a town.
 */
export const MIN_POPULATION_WITHOUT_CONTEXT = 20_000;

/** A name that is a region and also a town of this size is read as the town inside organisations' names: "University of Manchester". */
export const MIN_POPULATION_AREA_OVER_TOWN = 100_000;

/** A city inside a longer capitalised name ("Hassan Kazemi-Qomi") counts only from this size on. */
export const MIN_POPULATION_INSIDE_NAME = 1_000_000;

/** Longest place name tried, in tokens ("Democratic Republic of the Congo" is five). */
export const MAX_NAME_TOKENS = 6;

/** Lower-case words that may sit inside a place name: "Democratic Republic of the Congo", "Rio de Janeiro". */
export const NAME_CONNECTORS = new Set(['of', 'the', 'de', 'del', 'da', 'do', 'dos', 'das', 'di', 'du', 'la', 'le', 'les', 'los', 'las', 'y', 'and', 'upon', 'on', 'es', 'el', 'al', 'am', 'im', 'an', 'der', 'sur', 'en']);

/** Words after a place that make it part of a name of something else: "New York Times", "Gulf War". */
export const NAME_OF_SOMETHING_ELSE = new Set([
  'times', 'post', 'journal', 'herald', 'tribune', 'daily', 'gazette', 'chronicle', 'globe', 'star', 'telegraph', 'observer',
  'war', 'wars', 'crisis', 'cooperation', 'airlines', 'airways', 'air', 'express', 'stock', 'exchange', 'bank', 'group',
  'inc', 'corp', 'ltd', 'company', 'motors', 'university', 'college', 'school', 'institute', 'street', 'avenue', 'road',
  'square', 'bridge', 'stadium', 'fc', 'united', 'rovers', 'wanderers', 'athletic', 'rangers', 'giants', 'jets', 'open',
  'cup', 'grand', 'prix', 'declaration', 'pact',
]);

/** Lower-case words after a place that make it the name of an event or a treaty: "the Gulf war", "the Oslo accords". */
export const EVENT_AFTER_PLACE = new Set(['war', 'wars', 'accord', 'accords', 'agreement', 'treaty', 'convention', 'protocol']);

/** Lower-case words after a town that make it the name of a disease or its agent: "the Reston virus". */
export const DISEASE_AFTER_PLACE = new Set(['virus', 'ebolavirus', 'strain', 'flu', 'fever', 'disease', 'syndrome', 'encephalitis']);

/** Name particles that join the words of one name: "Nuri al-Maliki", "Rio de Janeiro". */
export const NAME_PARTICLES = new Set(['de', 'del', 'da', 'do', 'dos', 'das', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'abu']);

/** Prepositions before a place: "a resident of Lubbock told Wikinews" (a place, although a speech verb follows). */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'of', 'from', 'near', 'to', 'into', 'outside', 'around']);

/** Prepositions that put a place, not a person, after them: "in Malakal" ("the wife of Blair", "spoke to Blair" are people). */
export const LOCATIVE_PREPOSITIONS = new Set(['in', 'near', 'at', 'outside', 'around', 'into']);

/** Titles before a one-word name that make it a person: "Dr. Thomas", "Senator Dunn". */
export const TITLES_BEFORE_NAME = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'lord', 'lady', 'sen', 'senator', 'rep', 'representative',
  'gov', 'governor', 'gen', 'general', 'col', 'colonel', 'capt', 'captain', 'lt', 'sgt', 'president', 'minister',
  'secretary', 'mayor', 'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'sheikh', 'ayatollah', 'pope', 'father',
  'rev', 'reverend', 'bishop', 'chairman', 'spokesman', 'spokeswoman', 'ambassador', 'commissioner', 'inspector',
]);

/**
 * Words after a city that show the city is the place of an institution or names the area around it:
 * "Santa Ana Police Department", "Santa Clara County" (read as the town, the nearest point we have).
 */
export const INSTITUTION_AFTER_PLACE = new Set([
  'police', 'department', 'city', 'council', 'hospital', 'airport', 'regional', 'county', 'province', 'district', 'governorate',
  'region', 'valley', 'prefecture', 'township', 'parish', 'borough',
  'municipality', 'health', 'zoo', 'port', 'harbour', 'harbor', 'prison', 'jail', 'court', 'mayor', 'metropolitan',
  'area', 'station', 'office', 'sheriff', "sheriff's", 'fire', 'school', 'schools', 'university', 'public', 'board', 'state',
]);

/** Verbs after a one-word name that make it a speaker, not a town: "Crocker said". */
export const SPEECH_AFTER_NAME = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'asked', 'noted', 'explained', 'argued', 'insisted', 'warned', 'reported', 'reports', 'quoted']);

/** Marks before a sentence's first word that keep it sentence-initial: “Reading the report… */
export const OPENING_MARKS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', ':']);
