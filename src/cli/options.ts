/** Every command and option of the CLI, declared once: argv parsing and `--help` both read this table. */

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  arg?: string;
  description: string;
  default?: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  description: string;
  options: OptionSpec[];
  examples: string[];
}

const DB: OptionSpec = { name: 'db', type: 'string', arg: 'FILE', description: 'SQLite database file', default: 'dateline.db' };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'code',
    usage: 'dateline code <file|dir|->... [options]',
    description: 'Code articles (text, HTML, JSON/JSONL records, or stdin) into event data.',
    options: [
      { name: 'date', type: 'string', arg: 'YYYY-MM-DD', description: 'publication date (wins over metadata); relative dates resolve against it' },
      { name: 'format', type: 'string', arg: 'summary|json|jsonl', description: 'output: a readable summary (default on a terminal), the full record as JSON (default when piped), or one record per line' },
      { name: 'explain', type: 'boolean', description: 'add, per record, the rules and lexicon entries that fired and the words they rest on' },
      { name: 'max-bytes', type: 'string', arg: 'N', description: 'largest article accepted, in bytes', default: String(5 * 1024 * 1024) },
      { name: 'rules-only', type: 'boolean', description: 'do not use the statistical name tagger (rules and gazetteers only)' },
    ],
    examples: [
      'dateline code ../shared/samples/reuters-2007-05-28-us-iran-talks.txt --date 2007-05-28',
      'dateline code article.html --format json > out.json',
      'dateline code articles.jsonl --format jsonl > out.jsonl',
      'cat story.txt | dateline code - --date 2024-03-01',
    ],
  },
];

export const DB_OPTION = DB;

export function helpText(command?: CommandSpec): string {
  if (!command) {
    const lines = ['Dateline: news in, event data out.', '', 'Commands:'];
    for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.description}`);
    lines.push('', 'Run `dateline <command> --help` for its options.');
    return lines.join('\n');
  }
  const lines = [`Usage: ${command.usage}`, '', command.description, '', 'Options:'];
  for (const o of command.options) {
    const flag = `--${o.name}${o.arg ? ` ${o.arg}` : ''}`;
    lines.push(`  ${flag.padEnd(30)} ${o.description}${o.default ? ` (default ${o.default})` : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(30)} show this help`, '', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}
