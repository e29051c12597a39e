/**
 * Short synthetic wire stories for the queue tests and the scale benchmark: each has events, most a quote, some a
 * casualty count, and every one a distinct id and text (so a distinct article key). Deterministic for a given n.
 */
const COUNTRIES = ['Iran', 'Iraq', 'Israel', 'Egypt', 'Syria', 'Turkey', 'Russia', 'Ukraine', 'France', 'China', 'Japan', 'India', 'Pakistan', 'Kenya', 'Nigeria', 'Brazil'];
const CITIES = ['Baghdad', 'Cairo', 'Damascus', 'Ankara', 'Moscow', 'Kyiv', 'Paris', 'Beijing', 'Tokyo', 'New Delhi', 'Islamabad', 'Nairobi', 'Lagos', 'Brasilia', 'Tehran', 'Jerusalem'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export interface NewsRecord {
  id: string;
  published: string;
  text: string;
}

export function newsCorpus(n: number): NewsRecord[] {
  const records: NewsRecord[] = [];
  for (let i = 0; i < n; i++) {
    const a = COUNTRIES[i % COUNTRIES.length]!;
    // 7i + 3 and i differ by 6i + 3, odd, so never by a multiple of 16: the two countries differ.
    const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length]!;
    const city = CITIES[(i * 5) % CITIES.length]!;
    const day = DAYS[i % DAYS.length]!;
    const date = new Date(Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    const killed = 2 + (i % 40);
    const sentences = [
      `${a} urged ${b} on ${day} to stop the attacks near ${city}, officials said in story ${i}.`,
      `The foreign minister of ${a} met envoys from ${b} in ${city} to discuss the ceasefire.`,
      i % 3 === 0 ? `A car bomb killed ${killed} people and wounded ${killed * 2} others in ${city} on ${day}, police said.` : `${b} rejected the demand and accused ${a} of violating the truce.`,
      i % 2 === 0 ? `"We will not accept threats from ${a}," a spokesman for the government of ${b} said.` : `Talks between the two governments are expected to resume next week.`,
    ];
    records.push({ id: `story-${i}`, published: date, text: sentences.join(' ') });
  }
  return records;
}

export function jsonl(records: readonly NewsRecord[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
