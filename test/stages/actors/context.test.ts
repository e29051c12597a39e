import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../../src/pipeline/codeArticle.ts';
import { STAGES } from '../../../src/pipeline/stages.ts';
import { defaultWorld } from '../../../src/pipeline/world.ts';
import { articleInput } from '../../helpers/doc.ts';

const UP_TO_ACTORS = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'actors') + 1);

/** The actor on the last word of `words` (its n-th occurrence, from 1): code, certainty, and the rule that gave the country. */
function actorOn(text: string, words: string, nth = 1) {
  const doc = buildDoc(articleInput(text, '2019-06-01'), defaultWorld(), UP_TO_ACTORS);
  let at = -1;
  for (let k = 0; k < nth; k++) at = text.indexOf(words, at + 1);
  assert.ok(at >= 0, `"${words}" is in the text`);
  const head = doc.tokenAt(at + words.length - 1);
  const mention = doc.actorAt(head);
  const entity = doc.entityAt(head)?.entity;
  const code = mention?.code ?? entity?.actor ?? null;
  const info = mention?.info ?? entity?.actorInfo ?? null;
  if (mention) assert.equal(text.slice(mention.start, mention.end), mention.name, 'offsets hold the name');
  return { code, certainty: info?.certainty ?? null, rules: info?.rules ?? [] };
}

// [text, words, nth occurrence, code, certainty, rule that must be among the actor's rules]
const CASES: [string, string, number, string | null, 'stated' | 'inferred' | null, string | null][] = [
  // the sentences: both sides of the pair get the country
  ['Police arrested 200 students in Nairobi.', 'Police', 1, 'KENCOP', 'inferred', 'actors.country.locative'],
  ['Police arrested 200 students in Nairobi.', 'students', 1, 'KENEDU', 'stated', 'actors.country.phrase'],
  ['Kenyan students demanded that the government reverse the fee rise.', 'Kenyan students', 1, 'KENEDU', 'stated', 'actors.country.phrase'],
  ['Kenyan students demanded that the government reverse the fee rise.', 'government', 1, 'KENGOV', 'inferred', 'actors.country.story-country'],
  ['Hooded protesters threw stones at police in Bilbao.', 'protesters', 1, 'ESPOPP', 'inferred', 'actors.country.locative'],
  ['Hooded protesters threw stones at police in Bilbao.', 'police', 1, 'ESPCOP', 'inferred', 'actors.country.locative'],
  ["Kenya's police fired tear gas at the crowd.", 'police', 1, 'KENCOP', 'stated', 'actors.country.phrase'],
  ['Islamist fundamentalists killed 12 villagers in northern Nigeria.', 'fundamentalists', 1, 'NGARAD', 'inferred', 'actors.country.locative'],
  ['Islamist fundamentalists killed 12 villagers in northern Nigeria.', 'villagers', 1, 'NGACVL', 'inferred', 'actors.country.locative'],
  // titles: unknown people are actors
  ["Valentina Matviyenko, speaker of Russia's upper house, said the talks would go on.", 'Valentina Matviyenko', 1, 'RUSLEG', 'stated', 'actors.country.post'],
  ['Rebels accused President Museveni of rigging the vote in Uganda.', 'Museveni', 1, 'UGAGOV', 'inferred', 'actors.country.known-person'],
  ['Rebels accused President Museveni of rigging the vote in Uganda.', 'Rebels', 1, 'UGAREB', 'inferred', 'actors.country.locative'],
  ["Nigeria's Vice President Ade Okon met the governors.", 'Ade Okon', 1, 'NGAGOV', 'stated', 'actors.country.title-phrase'],
  ['The Italian foreign minister, Luigi Di Maio, joined the talks.', 'Luigi Di Maio', 1, 'ITAGOV', 'stated', 'actors.country.apposition'],
  ['Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.', 'Zabiullah Mujahid', 1, 'AFGREB', 'stated', 'actors.organisation-member'],
  ['A United States Department of State spokesperson, Morgan Ortagus, said the troops would stay.', 'Morgan Ortagus', 1, 'USAGOV', 'stated', 'actors.country.apposition'],
  ['NPR reported Adil Karim-Mahdi, the caretaker Prime Minister of Iraq, recommended the withdrawal.', 'Adil Karim-Mahdi', 1, 'IRQGOV', 'stated', 'actors.country.apposition'],
  // coreference: a title or a body named again without its country
  ['German Chancellor Angela Merkel visited Athens. The chancellor met Greek Prime Minister Alexis Tsipras.', 'chancellor', 1, 'DEUGOV', 'inferred', 'actors.coref.role'],
  ['German Chancellor Angela Merkel visited Athens. The chancellor met Greek Prime Minister Alexis Tsipras.', 'Alexis Tsipras', 1, 'GRCGOV', 'stated', null],
  ['Yesterday, the Parliament of Iraq voted to expel the troops. Officials in Washington criticised the Parliament’s decision.', 'Parliament', 2, 'IRQLEG', 'inferred', 'actors.coref.role'],
  ["North Korea's news agency said the country's military had been placed on high alert.", 'military', 1, 'PRKMIL', 'inferred', 'actors.country.the-country'],
  // never for foreign or international actors
  ['Foreign diplomats met the police in Nairobi.', 'diplomats', 1, '---GOV', 'stated', null],
  ['Kenyan police met UN officials in Nairobi.', 'officials', 1, 'IGOUNO', 'stated', 'actors.organisation-member'],
  ['Kenyan police dispersed the crowd. Foreign journalists were beaten.', 'journalists', 1, '---MED', 'stated', null],
  // an organisation the dictionaries do not know is not given the story's country, nor made a group by its role word
  ['Iraqi police said the Popular Guardian Forces had withdrawn.', 'Popular Guardian Forces', 1, null, null, null],
  ['The African Union suspended Mali.', 'African Union', 1, null, null, null],
  // a place in an organisation's name; a party in a one-country story
  ['Voters in Wisconsin went to the polls after the Wisconsin Supreme Court blocked the order.', 'Wisconsin Supreme Court', 1, 'USAJUD', 'stated', 'actors.country.phrase'],
  ['Student protester Joshua Wong was arrested in Hong Kong.', 'Joshua Wong', 1, 'HKGOPP', 'inferred', 'actors.country.title-phrase'],
  // a surname alone: the one person of the actor dictionaries with that name
  ['Rebels accused Museveni of rigging the vote.', 'Museveni', 1, 'UGAGOV', 'stated', 'actors.known-surname'],
  ['Erdoğan said Turkey would not back down.', 'Erdoğan', 1, 'TURGOV', 'stated', null],
  // a noun for an organisation beside its name gives the sector; a nationality before it, or the context, the country
  ['State-owned Iranian news agency Fars reported the arrests.', 'Fars', 1, 'IRNMED', 'stated', 'actors.organisation-noun'],
  ['The semi-official news agency ISNA said 36 people face charges in Tehran.', 'ISNA', 1, 'IRNMED', 'inferred', 'actors.country.locative'],
  // the body or aide of a coded person; an office is an actor only as someone's
  ['According to a statement released by Erdogan’s office, the operation would go on.', 'office', 1, 'TURGOV', 'inferred', 'actors.person-possessive'],
  ['Putin’s spokesman denied the report.', 'spokesman', 1, 'RUSGOV', 'inferred', 'actors.person-possessive'],
  ['Obama took office in 2009.', 'office', 1, null, null, null],
  // "X-based" names the country of an organisation
  ['Shares of the Lagos-based Intelogic fell sharply on Monday.', 'Intelogic', 1, 'NGA', 'stated', 'actors.country.phrase'],
  // a national state body is of the story's country; a national liberation army is not
  ['The National Telecommunications Commission ordered the network off the air in Manila.', 'National Telecommunications Commission', 1, 'PHLGOV', 'inferred', 'actors.country.locative'],
  ['The National Liberation Army attacked a base in Colombia.', 'National Liberation Army', 1, null, null, null],
  // a title in apposition before the name, with its post
  ['According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said the 36 must face charges.', 'Ali Alghasi Mehr', 1, 'IRNJUD', 'stated', 'actors.country.apposition'],
  // a body of an organisation the dictionaries know
  // a title in apposition gives the sector
  ['A few hours before the Boeing 737-800 jet crashed on Wednesday, Iran launched missiles targeting US troops in Iraqi military bases in response to the US airstrike that killed Iranian general, Qasem Karimi at a Baghdad airport.', 'Qasem Karimi', 1, 'IRNMIL', 'stated', 'actors.title-organisation'],
  ['The plan will be unveiled at the United Nations General Assembly later this week.', 'United Nations General Assembly', 1, 'IGOUNO', 'stated', 'actors.known-body'],
  // a role noun before a title is the title's organisation
  ['Police director Vladimir Rebic said 71 people were arrested in Belgrade.', 'Vladimir Rebic', 1, 'SRBCOP', 'inferred', 'actors.title-organisation'],
  ['Twelve people were killed in northern Nigeria.', 'people', 1, 'NGACVL', 'inferred', 'actors.country.locative'],
  // an untitled person no dictionary knows is a civilian of the story's country (Wikinews, 2020-08-03, CC BY 2.5)
  ['MINSK, Belarus — Opposition supporters rallied in Minsk on Thursday. Maria Kalesnikava spoke, who headed the campaign of Viktar Babaryka.', 'Maria Kalesnikava', 1, 'BLRCVL', 'inferred', 'actors.person.story-country'],
  // members of a group named after "of"; an international group gives no country
  ['Fighters of Hezbollah crossed the border on Sunday.', 'Fighters', 1, 'LBNREB', 'stated', 'actors.organisation-member'],
  ['Officials of the United Nations visited the camp in Kenya.', 'Officials', 1, 'IGOUNO', 'stated', 'actors.organisation-member'],
  // an official name of a country is the country, not a place inside it ("Republic of China" is Taiwan)
  ["The People's Republic of China protested the visit.", 'China', 1, 'CHN', 'stated', 'actors.named-actor'],
  // "the network" is the broadcaster named before; "the network of tunnels" is not
  ['ABS-CBN, the largest broadcaster in the Philippines, was ordered off the air. Later in the evening, the network signed off.', 'the network', 1, 'PHLMED', 'inferred', 'actors.coref.organisation'],
  ['ABS-CBN, the largest broadcaster in the Philippines, reported the raid. The army destroyed the network of tunnels.', 'network', 1, null, null, null],
  // a person of a coded body named right after the name
  ['Ahmad Karimi, of the Kandahar provincial council, said twelve people were killed in Kandahar.', 'Ahmad Karimi', 1, 'AFGGOV', 'inferred', 'actors.member-of'],
  ['Ali Hassan of the Iraqi parliament criticised the decision.', 'Ali Hassan', 1, 'IRQLEG', 'stated', 'actors.member-of'],
  // …but not in a story that names no one country
  ['Maria Kalesnikava spoke at the rally on Thursday.', 'Maria Kalesnikava', 1, null, null, null],
  // a title still decides over the story's country
  ['MINSK, Belarus — Russian journalist Ivan Petrov was detained on Thursday.', 'Ivan Petrov', 1, 'RUSMED', 'stated', null],
];

for (const [text, words, nth, code, certainty, rule] of CASES) {
  test(`"${words}" in "${text}" → ${code ?? 'no actor'}`, () => {
    const got = actorOn(text, words, nth);
    assert.equal(got.code, code);
    assert.equal(got.certainty, certainty);
    if (rule) assert.ok(got.rules.includes(rule), `rules ${got.rules.join(', ')} cite ${rule}`);
  });
}

test('a capital in the title names the story\'s country: "Paris court jails two police" (Wikinews, 2019-02-02, CC BY 2.5)', () => {
  const text = 'Two police officers were jailed for seven years on Thursday for raping a Canadian tourist. She told the court she was forced to drink whiskey.';
  const codeOfCourt = (title: string | null) => {
    const doc = buildDoc({ ...articleInput(text, '2019-02-02'), title }, defaultWorld(), UP_TO_ACTORS);
    return doc.actorAt(doc.tokenAt(text.indexOf('court') + 1))?.code ?? null;
  };
  assert.equal(codeOfCourt('Paris court jails two police in high-profile rape case'), 'FRAJUD');
  // without the title the tourist's country is the only one named
  assert.notEqual(codeOfCourt(null), 'FRAJUD');
});
