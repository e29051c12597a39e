/** Hand-made word lists used when training: titles stripped from GMB person spans, and the org-word list. */

/**
 * Words of a title or honorific in front of a name. GMB puts them inside person spans ("President Bush",
 * "Secretary of State Condoleezza Rice"); Dateline's names start after them, where the role rules take over.
 */
export const TITLE_WORDS: readonly string[] = [
  'mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'dame',
  'president', 'president-elect', 'vice', 'prime', 'minister', 'premier', 'chancellor', 'foreign', 'interior',
  'defense', 'defence', 'finance', 'state', 'of', 'the', 'former', 'deputy', 'secretary', 'secretary-general',
  'senator', 'sen.', 'congressman', 'congresswoman', 'representative', 'rep.', 'governor', 'gov.', 'mayor',
  'chairman', 'chairwoman', 'leader', 'majority', 'minority', 'ambassador', 'envoy', 'judge', 'justice',
  'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'archbishop', 'bishop', 'reverend', 'rev.',
  'ayatollah', 'grand', 'sheikh', 'sheik', 'imam', 'mullah', 'prophet',
  'general', 'gen.', 'colonel', 'col.', 'lieutenant', 'lt.', 'sergeant', 'sgt.', 'captain', 'capt.', 'major',
  'maj.', 'admiral', 'adm.', 'commander',
];

/** Titles after which the next word is a name even if it is a title too ("Mrs. King", "Reverend King"). */
export const HONORIFIC_WORDS: readonly string[] = ['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'sir', 'lord', 'lady', 'dame', 'reverend', 'rev.'];

/** Head words of organisation names ("Interior Ministry", "Labor Party", "World Bank"). */
export const ORG_WORDS: readonly string[] = [
  'ministry', 'department', 'office', 'agency', 'bureau', 'administration', 'authority', 'commission',
  'committee', 'council', 'cabinet', 'government', 'parliament', 'assembly', 'congress', 'senate', 'court',
  'tribunal', 'party', 'front', 'movement', 'alliance', 'coalition', 'league', 'union', 'federation',
  'association', 'organization', 'organisation', 'society', 'foundation', 'institute', 'university',
  'college', 'school', 'academy', 'hospital', 'church', 'army', 'navy', 'force', 'forces', 'brigade',
  'brigades', 'militia', 'guard', 'guards', 'police', 'corps', 'bank', 'fund', 'exchange', 'company',
  'corporation', 'corp.', 'corp', 'inc.', 'inc', 'ltd.', 'ltd', 'co.', 'group', 'holdings', 'industries',
  'airlines', 'airways', 'motors', 'petroleum', 'news', 'times', 'post', 'press', 'television', 'radio',
  'network', 'service', 'board', 'center', 'centre', 'club', 'team',
];
