import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCounts, casualtiesOf, KINDS, type Kind } from './code.ts';

/** [value, the count's words, extra fields]. */
type Expected = [number, string, { min?: number; max?: number; approximate?: boolean }?];

interface Case {
  text: string;
  counts: Partial<Record<Kind, Expected>>;
  /** A rule id that must be among the record's rules. */
  rule: string;
  incident?: string;
  victims?: string;
  cumulative?: boolean;
  claimed?: boolean;
}

const CASES: Record<string, Case[]> = {
  'verb + object': [
    { text: 'In new violence in Iraq, a truck bomb exploded near an important Sunni Muslim mosque in central Baghdad, killing 24 people and wounding 68 others shortly after the talks broke up.', counts: { killed: [24, '24'], wounded: [68, '68'] }, rule: 'casualties.count.verb-object', incident: 'truck bomb', victims: 'people' },
    { text: 'The attack killed at least 12 people, police said.', counts: { killed: [12, 'at least 12', { min: 12, approximate: false }] }, rule: 'casualties.qty.at-least', claimed: true },
    { text: 'A suicide bomber killed more than 50 people at a crowded market in Hilla on Tuesday.', counts: { killed: [51, 'more than 50', { min: 51 }] }, rule: 'casualties.qty.more-than', incident: 'suicide bombing' },
    { text: 'Gunmen kidnapped two dozen workers from a factory north of the capital.', counts: { abducted: [24, 'two dozen'] }, rule: 'casualties.trigger.kidnap', victims: 'workers' },
    { text: 'Police arrested five suspects after the raid.', counts: { arrested: [5, 'five'] }, rule: 'casualties.trigger.arrest', victims: 'suspects' },
    { text: 'An air strike killed nearly 100 civilians in the village, local officials said.', counts: { killed: [100, 'nearly 100', { approximate: true }] }, rule: 'casualties.qty.about', incident: 'air strike', victims: 'civilians' },
    { text: 'The floods displaced 10,000 people across the province.', counts: { displaced: [10000, '10,000'] }, rule: 'casualties.trigger.displace', incident: 'flood' },
    { text: 'The explosion injured dozens of people at the station.', counts: { wounded: [24, 'dozens', { min: 24, approximate: true }] }, rule: 'casualties.qty.dozens', incident: 'explosion' },
    { text: 'A police officer shot and killed a suspect who opened fire on him.', counts: { killed: [1, 'a suspect'] }, rule: 'casualties.trigger.shoot-and-kill', victims: 'suspect' },
    { text: 'The gunman opened fire at the house, killing his five young children as well as his wife, police said.', counts: { killed: [6, 'five young children as well as his wife'] }, rule: 'casualties.count.verb-object' },
    { text: 'Insurgents executed 12 hostages and released the video on Sunday.', counts: { killed: [12, '12'] }, rule: 'casualties.trigger.execute', victims: 'hostages' },
  ],
  'passive subject': [
    { text: 'Two police officers were shot dead in the southern city of Basra.', counts: { killed: [2, 'Two'] }, rule: 'casualties.count.passive', victims: 'police officers' },
    { text: 'A man was shot and killed on Friday night in the 1000 block of McFarland Avenue.', counts: { killed: [1, 'A man'] }, rule: 'casualties.qty.one-person', victims: 'man' },
    { text: 'At least 15 people were wounded in the blast.', counts: { wounded: [15, 'At least 15', { min: 15 }] }, rule: 'casualties.count.passive', incident: 'explosion' },
    { text: 'Three Marines were reported killed in Anbar province on Saturday.', counts: { killed: [3, 'Three'] }, rule: 'casualties.count.passive' },
    { text: 'Up to 30 people were hurt when the roof of the hall collapsed.', counts: { wounded: [30, 'Up to 30', { max: 30, approximate: true }] }, rule: 'casualties.qty.up-to' },
    { text: 'Twelve fishermen are missing after the storm hit the coast.', counts: { missing: [12, 'Twelve'] }, rule: 'casualties.trigger.missing', incident: 'storm' },
    { text: 'Six foreign oil workers were taken hostage in the Niger Delta.', counts: { abducted: [6, 'Six'] }, rule: 'casualties.trigger.take-hostage' },
    { text: 'Lelangel Holmes, 36, was found shot and killed inside the home around 1 a.m.', counts: { killed: [1, 'Lelangel Holmes'] }, rule: 'casualties.qty.named-person' },
    { text: 'A man and a woman were wounded in the shooting on the east side.', counts: { wounded: [2, 'A man and a woman'] }, rule: 'casualties.count.passive', incident: 'shooting' },
    { text: 'A teenager was fatally stabbed outside a nightclub early Sunday.', counts: { killed: [1, 'A teenager'] }, rule: 'casualties.modifier.fatally' },
    { text: 'Both men were hurt in the crash.', counts: { wounded: [2, 'Both'] }, rule: 'casualties.qty.both', incident: 'crash' },
    { text: 'A man in his car was shot in the leg.', counts: { wounded: [1, 'A man'] }, rule: 'casualties.trigger.shoot' },
  ],
  'bare participle (headline style)': [
    { text: 'Baghdad blast: 24 dead, 68 wounded.', counts: { killed: [24, '24'], wounded: [68, '68'] }, rule: 'casualties.count.bare-participle', incident: 'explosion' },
    { text: 'Dozens killed in Iraq car bomb attacks.', counts: { killed: [24, 'Dozens', { min: 24, approximate: true }] }, rule: 'casualties.count.bare-participle', incident: 'car bomb' },
    { text: "Man shot, killed on Detroit's west side.", counts: { killed: [1, 'Man'] }, rule: 'casualties.trigger.shoot-and-kill' },
  ],
  'intransitive': [
    { text: 'Two people died in the fire at the apartment block.', counts: { killed: [2, 'Two'] }, rule: 'casualties.count.intransitive', incident: 'fire' },
    { text: 'Forty migrants perished when their boat capsized off Lampedusa.', counts: { killed: [40, 'Forty'] }, rule: 'casualties.trigger.perish', victims: 'migrants' },
    { text: 'Eleven miners lost their lives in the explosion.', counts: { killed: [11, 'Eleven'] }, rule: 'casualties.trigger.lose-lives' },
    { text: 'A man died Friday after he was shot inside a barber shop, authorities say.', counts: { killed: [1, 'A man'] }, rule: 'casualties.refine.shot-then-killed', claimed: true },
  ],
  'left + state': [
    { text: 'The bombing left 24 dead and 68 wounded.', counts: { killed: [24, '24'], wounded: [68, '68'] }, rule: 'casualties.count.left-state', incident: 'bomb' },
    { text: 'The shooting left one person with minor injuries.', counts: { wounded: [1, 'one'] }, rule: 'casualties.count.left-with-injuries', incident: 'shooting' },
    { text: 'The quake left 3,000 people homeless.', counts: { displaced: [3000, '3,000'] }, rule: 'casualties.trigger.homeless', incident: 'earthquake' },
  ],
  'toll and nouns': [
    { text: 'The death toll from the bombing rose to 30 on Tuesday.', counts: { killed: [30, '30'] }, rule: 'casualties.count.toll' },
    { text: 'Police reported two fatalities in the crash.', counts: { killed: [2, 'two'] }, rule: 'casualties.count.noun', incident: 'crash' },
    { text: 'Officials confirmed the deaths of 24 people in the collapse.', counts: { killed: [24, '24'] }, rule: 'casualties.count.noun-of' },
    { text: 'Dallas police have arrested a man for a shooting death Tuesday morning.', counts: { killed: [1, 'a shooting death'], arrested: [1, 'a man'] }, rule: 'casualties.qty.one-death' },
    { text: 'Two officers suffered minor injuries during the arrest.', counts: { wounded: [2, 'Two'] }, rule: 'casualties.count.suffered', victims: 'officers' },
  ],
  'running and historical totals': [
    { text: 'The military says the bombs have killed scores of American soldiers.', counts: { killed: [40, 'scores', { min: 40, approximate: true }] }, rule: 'casualties.cumulative.perfect', cumulative: true, claimed: true, victims: 'American soldiers' },
    { text: 'More than 3,000 U.S. soldiers have been killed in Iraq since 2003.', counts: { killed: [3001, 'More than 3,000'] }, rule: 'casualties.cumulative.since', cumulative: true },
    { text: 'The 1988 bombing of Pan Am Flight 103 killed 270 people.', counts: { killed: [270, '270'] }, rule: 'casualties.historical.year', cumulative: true },
    { text: 'Malaria kills a million people a year.', counts: { killed: [1000000, 'a million'] }, rule: 'casualties.cumulative.per-period', cumulative: true },
  ],
};

for (const [family, cases] of Object.entries(CASES)) {
  test(`casualties: ${family}`, () => {
    for (const c of cases) {
      const found = casualtiesOf(c.text);
      const counts = allCounts(found);
      const label = `${c.text} → ${JSON.stringify(counts.map((x) => [x.kind, x.count.value, x.count.text]))}`;
      assert.deepEqual(counts.map((x) => x.kind).sort(), KINDS.filter((k) => c.counts[k]).sort(), label);
      for (const { kind, count, record } of counts) {
        const [value, words, extra = {}] = c.counts[kind]!;
        assert.equal(count.value, value, label);
        assert.equal(count.text, words, label);
        assert.equal(c.text.slice(count.start, count.end), words, label);
        for (const [field, expected] of Object.entries(extra)) assert.equal(count[field as keyof typeof extra], expected, `${label}: ${field}`);
        assert.equal(record.cumulative, c.cumulative ?? false, `${label}: cumulative`);
        if (c.claimed !== undefined) assert.equal(record.claimed, c.claimed, `${label}: claimed`);
        if (c.incident !== undefined) assert.equal(record.incident, c.incident, `${label}: incident`);
        if (c.victims !== undefined) assert.equal(record.victims, c.victims, `${label}: victims`);
      }
      assert.ok(found.some((r) => r.rules.includes(c.rule)), `${label}: rule ${c.rule} in ${JSON.stringify(found.map((r) => r.rules))}`);
    }
  });
}
