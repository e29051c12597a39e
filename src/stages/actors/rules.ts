/** Rule ids of the actors stage, cited in `entities[].rules`, in `actorInfo.rules` and in the actor mentions events are built from. */
export const RULES = {
  entity: 'actors.entity-mention',
  entityPlace: 'actors.place-as-actor',
  countryPlusRole: 'actors.country-plus-role',
  capitalAsGovernment: 'actors.capital-as-government',
  /** "Press Trust of India", "Voice of America": a name of data/lexicon/named-actors.tsv in the text. */
  namedActor: 'actors.named-actor',
  /** "Czechoslovakia", "Yugoslav": a state the gazetteer no longer has, coded as the actor dictionaries code it. */
  formerState: 'actors.former-state',
  orgHeadAgent: 'actors.org-head-agent',
  /** "United Nations General Assembly": a body of an organisation the dictionaries know. */
  knownBody: 'actors.known-body',
  /** "Iranian news agency Fars", "the Xinhua news agency": the noun beside an organisation's name gives its sector. */
  organisationNoun: 'actors.organisation-noun',
  nominal: 'actors.nominal',
  /** "Kenyan students", "Kenya's police", "militias in Iraq": the phrase names the country. */
  countryPhrase: 'actors.country.phrase',
  /** "X, speaker of Russia's upper house": the country the title is held in. */
  countryPost: 'actors.country.post',
  /** "Nigeria's Vice President Ade Okon": the title before the name names the country. */
  countryTitlePhrase: 'actors.country.title-phrase',
  /** "The Italian foreign minister, Luigi Di Maio, joined": a title in apposition before the name. */
  countryApposition: 'actors.country.apposition',
  /** "Taliban spokesperson Zabiullah Mujahid": the organisation before the title. */
  titleOrganisation: 'actors.title-organisation',
  /** "the country's military": the country named last before the phrase. */
  countryTheCountry: 'actors.country.the-country',
  /** "UN officials", "Taliban fighters": the members of a coded organisation named before the role. */
  organisationMember: 'actors.organisation-member',
  /** "Sharif Hotak, of the Maidan Wardak provincial council,": a person of a coded body named right after the name. */
  memberOf: 'actors.member-of',
  /** "Museveni" alone: the one person of the actor dictionaries with that surname. */
  knownSurname: 'actors.known-surname',
  /** "Erdogan's office", "Putin's spokesman": the body or aide of a coded person. */
  personPossessive: 'actors.person-possessive',
  /** "President Museveni": the actor dictionaries know the person's country. */
  countryKnownPerson: 'actors.country.known-person',
  /** "Police arrested 200 students in Nairobi": a place in the sentence. */
  countryLocative: 'actors.country.locative',
  /** A domestic role ("police", "the government") in a story datelined in that country. */
  countryDateline: 'actors.country.dateline',
  /** A domestic role in a story mostly about one country. */
  countryStory: 'actors.country.story-country',
  /** "the chancellor" after "German Chancellor Angela Merkel": the person who holds that title in the story. */
  corefRole: 'actors.coref.role',
  /** "Maria Kalesnikava spoke" in a story about Belarus: an untitled person no dictionary knows, a civilian of the story's country. */
  personStoryCountry: 'actors.person.story-country',
  /** "ABS-CBN … the network signed off": the last organisation of the noun's sector named before. */
  corefOrganisation: 'actors.coref.organisation',
  /** A titled person whose country nothing gives: still an actor, "---" + the title's sector. */
  roleOnly: 'actors.role-without-country',
} as const;
