/** Word lists and rule ids of the entities stage. Rule ids are cited in `entities[].rules`. */

export const RULES = {
  capitalisedRun: 'entities.capitalised-run',
  taggerSpan: 'entities.tagger',
  titleBefore: 'entities.title-before-name',
  titleFromTagger: 'entities.title-outside-tagger-person',
  sportsTeam: 'entities.team-named-after-place',
  roleAfterCountry: 'entities.country-role-premodifier',
  postAfterRole: 'entities.role-to-place',
  counterpart: 'entities.counterpart-inherits',
  apposition: 'entities.apposition-role',
  orgHead: 'entities.org-head-word',
  /** "UN Secretary-General Kofi Annan": the organisation before a title inside a person's run */
  orgBeforeTitle: 'entities.organisation-before-title',
  /** "news agency Fars", "the rebel group Hamas", "Xinhua news agency" */
  orgNoun: 'entities.organisation-noun-beside',
  dictionaryName: 'entities.actor-dictionary-name',
  speechSubject: 'entities.subject-of-speech-verb',
  place: 'entities.gazetteer-place',
  /** "restaurants in cordoba": a place written in lower case after a preposition of place */
  lowerCasePlace: 'entities.lower-case-place',
  demonym: 'entities.demonym',
  demonymPlural: 'entities.the-demonyms-as-country',
  religion: 'entities.religious-group',
  surname: 'coref.surname',
  /** "the Syrian Democratic Forces (SDF) … the SDF": an acronym of an organisation named before. */
  acronym: 'coref.acronym',
  pronoun: 'coref.pronoun-subject-of-speech',
  sameName: 'coref.same-name',
  nominalCountry: 'coref.country-alias',
} as const;

/** Words that end (or open) organisation names: "Revolutionary Guards Qods Force", "Ministry of Defence". */
export const ORG_HEADS = new Set([
  'agency', 'army', 'assembly', 'association', 'authority', 'bank', 'board', 'brigade', 'brigades', 'bureau', 'cabinet',
  'center', 'centre', 'church', 'coalition', 'college', 'commission', 'committee', 'company', 'congress', 'corp', 'corp.',
  'corporation', 'corps', 'council', 'court', 'department', 'division', 'exchange', 'federation', 'force', 'forces',
  'foundation', 'front', 'fund', 'group', 'guard', 'guards', 'inc', 'inc.', 'institute', 'league', 'ltd', 'ltd.',
  'ministry', 'movement', 'navy', 'network', 'office', 'organisation', 'organization', 'parliament', 'party', 'police',
  'programme', 'program', 'senate', 'service', 'services', 'society', 'tribunal', 'union', 'university', 'airlines',
  'airways', 'association', 'club', 'times', 'post', 'news', 'press', 'reuters', 'nations', 'alliance', 'militia',
  'jazeera', 'co', 'co.', 'plc', 'llc', 'group', 'holdings', 'motors', 'industries', 'institution', 'administration',
  'secretariat', 'directorate', 'command', 'regiment', 'battalion', 'fleet', 'taliban', 'hamas', 'hezbollah', 'qaeda',
]);

/** Lower-case nouns for an organisation right before its name: "news agency Fars", "the militant group Hamas". */
export const ORG_NOUNS_BEFORE = new Set([
  'agency', 'news agency', 'newspaper', 'daily', 'weekly', 'broadcaster', 'network', 'news network', 'channel', 'company',
  'firm', 'group', 'party', 'movement', 'militia', 'organisation', 'organization', 'airline', 'carrier', 'bank', 'insurer',
  'lender', 'retailer', 'automaker', 'carmaker', 'conglomerate', 'watchdog', 'charity', 'club', 'union', 'broadcast corporation',
]);

/** Lower-case nouns for the press right after a name: "Xinhua news agency", "Yonhap news agency", "Kayhan newspaper". */
export const ORG_NOUNS_AFTER = new Set(['news agency', 'newspaper', 'daily', 'broadcaster', 'news network', 'news service', 'television']);

/** Words that open organisation names: "Ministry of Defence", "University of Baghdad". */
export const ORG_OPENERS = new Set(['ministry', 'department', 'university', 'bank', 'office', 'council', 'court', 'house', 'bureau', 'institute', 'organization', 'organisation', 'league', 'union', 'party', 'church', 'army', 'commission', 'committee']);

/** Heads of names that are neither people nor organisations nor places (events, eras, works). */
export const MISC_HEADS = new Set([
  'revolution', 'war', 'crisis', 'games', 'olympics', 'cup', 'championship', 'festival', 'day', 'week', 'month', 'year',
  'era', 'age', 'agreement', 'accord', 'accords', 'treaty', 'act', 'bill', 'award', 'prize', 'summit', 'conference',
  'storm', 'hurricane', 'typhoon', 'cyclone', 'program', 'index', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'christmas', 'ramadan', 'easter', 'new', 'god', 'internet', 'web',
]);

/** Religious and ethnic groups: NORP entities without a country. */
export const RELIGIOUS_GROUPS = new Map<string, string>([
  ['shi’ite', "Shi'ite"], ["shi'ite", "Shi'ite"], ['shiite', "Shi'ite"], ['shia', "Shi'ite"], ["shi'ites", "Shi'ite"], ['shi’ites', "Shi'ite"], ['shiites', "Shi'ite"],
  ['sunni', 'Sunni'], ['sunnis', 'Sunni'], ['muslim', 'Muslim'], ['muslims', 'Muslim'], ['islamic', 'Muslim'], ['islamist', 'Islamist'], ['islamists', 'Islamist'],
  ['christian', 'Christian'], ['christians', 'Christian'], ['catholic', 'Catholic'], ['catholics', 'Catholic'], ['protestant', 'Protestant'],
  ['jewish', 'Jewish'], ['jews', 'Jewish'], ['hindu', 'Hindu'], ['hindus', 'Hindu'], ['buddhist', 'Buddhist'], ['sikh', 'Sikh'],
  ['kurdish', 'Kurdish'], ['kurds', 'Kurdish'], ['kurd', 'Kurdish'], ['arab', 'Arab'], ['arabs', 'Arab'], ['alawite', 'Alawite'],
  ['pashtun', 'Pashtun'], ['tamil', 'Tamil'], ['tamils', 'Tamil'], ['uighur', 'Uighur'], ['uyghur', 'Uighur'], ['druze', 'Druze'],
]);

/** Name particles that stay lower-case inside a name: al-Maliki, bin Laden, van der Veen. */
export const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ul', 'ben', 'dos', 'das', 'do', 'ter', 'ten', 'zu', 'af', 'y']);

/** Verbs whose subject is a speaker ("he said", "Crocker told"). */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'state', 'announce', 'declare', 'claim', 'insist', 'warn', 'argue', 'note', 'explain', 'report',
  'deny', 'confirm', 'acknowledge', 'admit', 'assert', 'reply', 'respond', 'write', 'suggest', 'urge', 'accuse', 'call',
  'describe', 'predict', 'promise', 'vow', 'stress', 'emphasize', 'emphasise', 'charge', 'allege', 'recall', 'ask',
  'comment', 'complain', 'concede', 'contend', 'maintain', 'observe', 'remark', 'reiterate', 'repeat', 'testify', 'tweet',
]);

export const PERSONAL_PRONOUNS = new Set(['he', 'she']);

/** Words before a team's name in a match report: "lost to Barcelona", "against Leeds", "beat Real Madrid". */
export const TEAM_BEFORE = new Set(['beat', 'beats', 'beating', 'defeated', 'defeats', 'thrashed', 'edged', 'routed', 'overcame', 'against', 'versus', 'vs', 'vs.', 'v', 'to', 'with', 'over', 'hosted', 'host', 'hosts', 'visit', 'visiting', 'eliminated', 'knocked']);
/** Words after a team's name: "Liverpool beat", "Barcelona drew", "Leeds 2-1". */
export const TEAM_AFTER = new Set(['beat', 'beats', 'defeated', 'thrashed', 'edged', 'drew', 'draw', 'lost', 'lose', 'won', 'win', 'wins', 'routed', 'overcame', 'held', 'trailed', 'v', 'vs', 'vs.', 'versus']);
/** Pronouns written capitalised ("He", "I", "SHE") are coreference mentions, never names. */
export const PRONOUN_WORDS = new Set(['i', 'he', 'she', 'it', 'we', 'they', 'you', 'him', 'her', 'his', 'hers', 'its', 'us', 'them', 'me', 'my', 'our', 'their', 'your']);
