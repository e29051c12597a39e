/** The readable summary `dateline code` prints on a terminal. */
import type { ArticleRecord } from '../model/record.ts';

export function renderSummary(record: ArticleRecord, options: { explain?: boolean } = {}): string {
  const { article } = record;
  const text = article.text;
  const quote = (s: number, e: number, max = 90) => {
    const t = text.slice(s, e).replace(/\s+/g, ' ');
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  };
  const ruleLine = (rules: readonly string[]) => (options.explain ? `\n      rules: ${rules.join(', ')}` : '');
  const lines: string[] = [];
  const head = [article.id, article.source, article.dateline?.place, article.published ?? 'no date'].filter(Boolean).join(' · ');
  lines.push(head);
  if (article.title) lines.push(article.title);
  if (article.credits.length > 0) lines.push(`Credits: ${article.credits.map((c) => `${c.name} (${c.role}${c.place ? `, ${c.place}` : ''})`).join('; ')}`);

  const people = record.entities.filter((e) => e.type === 'PERSON');
  if (people.length > 0) {
    lines.push('', 'People');
    for (const p of people) {
      const role = [p.role, p.country && `of ${p.country}`, p.post && `to ${p.post}`].filter(Boolean).join(' ');
      lines.push(`  ${p.name}${role ? ` — ${role}` : ''}${p.actor ? ` [${p.actor}]` : ''} · ${p.mentions.length} mention${p.mentions.length === 1 ? '' : 's'}${ruleLine(p.rules)}`);
    }
  }
  const groups = record.entities.filter((e) => e.type === 'ORG' || e.type === 'NORP');
  if (groups.length > 0) lines.push('', 'Organisations and groups', ...groups.map((g) => `  ${g.name} (${g.type}${g.actor ? `, ${g.actor}` : ''}) · ${g.mentions.length}${ruleLine(g.rules)}`));
  if (record.places.length > 0) {
    lines.push('', 'Places');
    for (const p of record.places) lines.push(`  ${p.name} (${p.kind}, ${p.country}) ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}${p.geonameid ? ` · GeoNames ${p.geonameid}` : ''} · ${p.mentions.length}${ruleLine(p.rules)}`);
  }
  if (record.dates.length > 0) {
    lines.push('', 'Dates');
    for (const d of record.dates) lines.push(`  "${d.text}" → ${d.value ?? 'unresolved'} (${d.granularity}, ${d.certainty})${ruleLine(d.rules)}`);
  }
  if (record.events.length > 0) {
    lines.push('', 'Events');
    for (const e of record.events) {
      const flags = [e.negated && 'negated', e.modality, e.claimed && 'claimed', e.historical && 'historical', e.denies && `denies ${e.denies}`].filter(Boolean).join(', ');
      lines.push(`  ${e.id} ${e.source.actor} → ${e.target?.actor ?? '—'}  ${e.code} ${e.name}  ${e.date.value ?? '?'}${e.place ? ` @ ${e.place.name}` : ''}${flags ? `  [${flags}]` : ''}`);
      lines.push(`      “${quote(e.evidence.start, e.evidence.end)}”${ruleLine(e.rules)}`);
    }
  }
  if (record.quotes.length > 0) {
    lines.push('', 'Quotes');
    for (const q of record.quotes) lines.push(`  ${q.speaker.name}${q.direct ? '' : ' (indirect)'}: “${quote(q.start, q.end, 80)}”${ruleLine(q.rules)}`);
  }
  if (record.casualties.length > 0) {
    lines.push('', 'Casualties');
    for (const c of record.casualties) {
      const counts = (['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'] as const).filter((k) => c[k]).map((k) => `${k} ${c[k]!.approximate ? '≥' : ''}${c[k]!.value}`);
      lines.push(`  ${counts.join(', ')}${c.incident ? ` · ${c.incident}` : ''}${c.place ? ` @ ${c.place.name}` : ''}${c.date?.value ? ` · ${c.date.value}` : ''}${c.cumulative ? ' · cumulative' : ''}${ruleLine(c.rules)}`);
    }
  }
  if (record.messages.length > 0) lines.push('', 'Messages', ...record.messages.map((m) => `  ${m.level}: ${m.text}`));
  return lines.join('\n');
}
