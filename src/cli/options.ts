/** Every command and option of the CLI, declared once: argv parsing and `--help` both read this table. */
import { DEFAULT_ARTICLE_TIMEOUT_MS } from '../pool/coding.ts';

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
const STORE: OptionSpec = { name: 'store', type: 'string', arg: 'sqlite:PATH|postgres://…', description: 'the store: a SQLite file or a PostgreSQL database (also DATELINE_STORE); instead of --db' };
const WORKERS: OptionSpec = { name: 'workers', type: 'string', arg: 'N', description: 'worker threads that code articles (default: one per core)' };
const PORT: OptionSpec = { name: 'port', type: 'string', arg: 'N', description: 'port to listen on', default: '8080' };
const HOST: OptionSpec = { name: 'host', type: 'string', arg: 'ADDRESS', description: 'address to listen on (0.0.0.0 for every interface, which needs --allow-host)', default: '127.0.0.1' };
const ALLOW_HOST: OptionSpec = {
  name: 'allow-host',
  type: 'string',
  arg: 'NAME[,NAME…]',
  description: 'names or addresses clients reach the server by, besides localhost and --host; other Host headers are refused (421)',
};
const ARTICLE_TIMEOUT: OptionSpec = {
  name: 'article-timeout',
  type: 'string',
  arg: 'SECONDS',
  description: 'time budget of one article: one that takes longer is stopped and reported as failed, and the others go on',
  default: String(DEFAULT_ARTICLE_TIMEOUT_MS / 1000),
};
const ADD_DICTIONARIES: OptionSpec = {
  name: 'add-dictionaries',
  type: 'string',
  arg: 'DIR',
  description: 'also read the PETRARCH dictionaries in DIR (*.verbs.txt or CAMEO*.txt, *.actors.txt, *.agents.txt, *.discards.txt); theirs win over the shipped ones',
};
const DICTIONARIES: OptionSpec = {
  name: 'dictionaries',
  type: 'string',
  arg: 'DIR',
  description: "code with the PETRARCH dictionaries in DIR instead of the shipped ones, by PETRARCH's mechanics alone (to check against a peer's test suite)",
};
const QUEUE: OptionSpec = { name: 'queue', type: 'string', arg: 'nats://HOST:4222', description: 'the NATS JetStream server(s), comma-separated (also DATELINE_QUEUE)' };
const STREAM: OptionSpec = { name: 'stream', type: 'string', arg: 'NAME', description: 'the JetStream stream, so teams and tests can run apart (dead letters go to NAME_DEAD)', default: 'DATELINE' };
const CORS: OptionSpec = { name: 'cors', type: 'string', arg: 'ORIGIN', description: 'let web pages from ORIGIN (e.g. http://localhost:5173) call the API; off by default' };

export const COMMANDS: CommandSpec[] = [
  {
    name: 'code',
    usage: 'dateline code <file|dir|->... [options]',
    description: 'Code articles (text, HTML, JSON/JSONL records, or stdin) into event data.',
    options: [
      { name: 'date', type: 'string', arg: 'YYYY-MM-DD', description: 'publication date (wins over metadata); relative dates resolve against it' },
      { name: 'format', type: 'string', arg: 'summary|json|jsonl|conllu', description: 'output: a readable summary (default on a terminal), the full record as JSON (default when piped), one record per line, or the tokens and dependency trees as CoNLL-U' },
      { name: 'tokens', type: 'boolean', description: 'add to each record its tokens with UPOS, lemma and dependency arc (head: the article-wide token index, -1 for a root)' },
      { name: 'explain', type: 'boolean', description: 'add, per record, the rules and lexicon entries that fired and the words they rest on' },
      { name: 'max-bytes', type: 'string', arg: 'N', description: 'largest article accepted, in bytes', default: String(5 * 1024 * 1024) },
      { name: 'rules-only', type: 'boolean', description: 'do not use the statistical name tagger (rules and gazetteers only)' },
      { name: 'workers', type: 'string', arg: 'N', description: 'worker threads that code articles', default: '1' },
      ARTICLE_TIMEOUT,
      ADD_DICTIONARIES,
      DICTIONARIES,
    ],
    examples: [
      'dateline code ../shared/samples/reuters-2007-05-28-us-iran-talks.txt --date 2007-05-28',
      'dateline code article.html --format json > out.json',
      'dateline code articles.jsonl --format jsonl > out.jsonl',
      'cat story.txt | dateline code - --date 2024-03-01',
      'dateline code article.txt --add-dictionaries ./my-dictionaries',
    ],
  },
  {
    name: 'ingest',
    usage: 'dateline ingest <file|dir|feed|url|->... [options]',
    description: 'Code articles into the store: text, HTML, JSON/JSONL, RSS/Atom feeds (files or URLs), gzipped too. Re-running adds nothing twice.',
    options: [
      DB,
      STORE,
      WORKERS,
      { name: 'date', type: 'string', arg: 'YYYY-MM-DD', description: 'publication date for articles that carry none' },
      { name: 'max-bytes', type: 'string', arg: 'N', description: 'largest article accepted, in bytes', default: String(5 * 1024 * 1024) },
      ARTICLE_TIMEOUT,
      ADD_DICTIONARIES,
      DICTIONARIES,
    ],
    examples: ['dateline ingest ./articles/ feed.xml dump.jsonl.gz --db dateline.db --workers 2', 'dateline ingest https://example.org/world.rss', 'dateline ingest ./articles/ --store postgres://127.0.0.1/dateline'],
  },
  {
    name: 'recode',
    usage: 'dateline recode [options]',
    description: 'Code every stored article again (after a lexicon or rule change) and replace its records in place.',
    options: [DB, STORE, WORKERS, ARTICLE_TIMEOUT, ADD_DICTIONARIES, DICTIONARIES],
    examples: ['dateline recode --db dateline.db', 'dateline recode --store postgres://127.0.0.1/dateline', 'dateline recode --db dateline.db --add-dictionaries ./my-dictionaries'],
  },
  {
    name: 'serve',
    usage: 'dateline serve [options]',
    description: 'Serve the store over HTTP: the JSON API under /api (OpenAPI at /api/openapi.json) and the web app at /.',
    options: [
      DB,
      STORE,
      PORT,
      HOST,
      ALLOW_HOST,
      CORS,
      { name: 'workers', type: 'string', arg: 'N', description: 'worker threads that code articles posted to /api/code', default: '1' },
      ARTICLE_TIMEOUT,
      { name: 'query-timeout', type: 'string', arg: 'SECONDS', description: 'longest a read query of a SQLite store may run before it is stopped (answered 400: narrow it)', default: '5' },
      { name: 'token', type: 'string', arg: 'TOKEN', description: 'require "Authorization: Bearer TOKEN" on every API route (also DATELINE_TOKEN)' },
      { name: 'read-only', type: 'boolean', description: 'turn off POST /api/code' },
    ],
    examples: ['dateline serve --db dateline.db --port 8080', 'dateline serve --store postgres://db.example/dateline --host 0.0.0.0 --allow-host news.example.org --token "$TOKEN" --read-only'],
  },
  {
    name: 'export',
    usage: 'dateline export [options] > events.tsv',
    description: 'Write every stored event to stdout: the GDELT 2.0 event table (tab-separated), CSV, or JSON lines.',
    options: [DB, STORE, { name: 'format', type: 'string', arg: 'gdelt|csv|jsonl', description: 'output format', default: 'gdelt' }],
    examples: ['dateline export --format gdelt > events.tsv', 'dateline export --format jsonl --db news.db > events.jsonl'],
  },
  {
    name: 'copy',
    usage: 'dateline copy --from sqlite:PATH --to postgres://…',
    description: 'Copy every article and its records from one store into another, without coding again. Running it again copies only what is missing.',
    options: [
      { name: 'from', type: 'string', arg: 'sqlite:PATH|postgres://…', description: 'the store to read' },
      { name: 'to', type: 'string', arg: 'sqlite:PATH|postgres://…', description: 'the store to write (created or migrated)' },
    ],
    examples: ['dateline copy --from sqlite:dateline.db --to postgres://127.0.0.1/dateline'],
  },
  {
    name: 'enqueue',
    usage: 'dateline enqueue <file|dir|feed|url|->... --queue nats://HOST:4222 [options]',
    description: 'Put articles on the NATS JetStream work queue for `dateline worker`s to code. Enqueuing again within an hour drops the re-sends.',
    options: [
      QUEUE,
      STREAM,
      { name: 'date', type: 'string', arg: 'YYYY-MM-DD', description: 'publication date for articles that carry none' },
      { name: 'max-bytes', type: 'string', arg: 'N', description: 'largest article accepted, in bytes', default: String(5 * 1024 * 1024) },
    ],
    examples: ['dateline enqueue ./articles/ feed.xml --queue nats://127.0.0.1:4222', 'dateline enqueue dump.jsonl.gz --queue nats://q1:4222,nats://q2:4222 --stream BACKFILL'],
  },
  {
    name: 'worker',
    usage: 'dateline worker --queue nats://HOST:4222 --store postgres://… [options]',
    description: 'Code articles from the work queue into the store until stopped (SIGTERM finishes what is in flight). Run as many as you like, on as many machines.',
    options: [
      QUEUE,
      STREAM,
      DB,
      STORE,
      WORKERS,
      { name: 'in-flight', type: 'string', arg: 'N', description: 'messages pulled and not yet acknowledged, at most', default: '32' },
      { name: 'max-deliver', type: 'string', arg: 'N', description: 'deliveries of a failing message before it goes to the dead-letter stream with its error', default: '5' },
      { name: 'ack-wait', type: 'string', arg: 'DURATION', description: 'how long the queue waits for a worker before it hands a message to another (30s, 2m…)', default: '60s' },
      { name: 'until-empty', type: 'boolean', description: 'stop when the queue holds nothing more (a backfill job) instead of waiting for more' },
      { name: 'format', type: 'string', arg: 'text|json', description: 'closing summary as a sentence or as JSON', default: 'text' },
      ARTICLE_TIMEOUT,
      ADD_DICTIONARIES,
      DICTIONARIES,
    ],
    examples: ['dateline worker --queue nats://127.0.0.1:4222 --store postgres://127.0.0.1/dateline --workers 2', 'dateline worker --queue nats://q1:4222 --store postgres://db/dateline --stream BACKFILL --until-empty'],
  },
  {
    name: 'status',
    usage: 'dateline status --queue nats://HOST:4222 [--store …] [options]',
    description: 'Show the work queue (depth, pending, in flight, redelivered, dead letters with their errors) and the store counts.',
    options: [QUEUE, STREAM, DB, STORE, { name: 'format', type: 'string', arg: 'text|json', description: 'output format', default: 'text' }],
    examples: ['dateline status --queue nats://127.0.0.1:4222 --store postgres://127.0.0.1/dateline', 'dateline status --queue nats://127.0.0.1:4222 --format json'],
  },
  {
    name: 'demo',
    usage: 'dateline demo [options]',
    description: 'Ingest the articles bundled in data/samples (what is not stored yet), then serve them. This is `npm start`.',
    options: [DB, PORT, HOST, ALLOW_HOST, WORKERS, ARTICLE_TIMEOUT],
    examples: ['npm start', 'dateline demo --port 3000'],
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

/** `--prot` → 'unknown option --prot for `dateline serve`; did you mean --port? (…--help lists them)'. */
export function unknownOptionMessage(command: CommandSpec, given: string): string {
  const name = given.replace(/^-+/, '').split('=')[0]!;
  const known = [...command.options.map((o) => o.name), 'help'];
  const best = known.map((k) => ({ k, d: editDistance(name.toLowerCase(), k) })).sort((a, b) => a.d - b.d)[0]!;
  // The start of an option (--work for --workers), or a typo: at most a third of the letters wrong.
  const prefix = name.length >= 3 ? known.find((k) => k.startsWith(name)) : undefined;
  const suggestion = prefix ?? (best.d <= Math.max(1, Math.floor(Math.max(name.length, best.k.length) / 3)) ? best.k : undefined);
  const hint = suggestion ? `did you mean --${suggestion}?` : `its options are ${known.map((k) => `--${k}`).join(', ')}`;
  return `unknown option ${given.split('=')[0]} for \`dateline ${command.name}\`; ${hint} (\`dateline ${command.name} --help\` explains them)`;
}

/** Levenshtein distance, with a swap of two neighbouring letters counting as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
