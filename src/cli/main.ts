/** CLI entry: parses argv against the options table and hands over to the command. */
import { parseArgs } from 'node:util';
import { COMMANDS, helpText, unknownOptionMessage, type CommandSpec } from './options.ts';
import { UsageError } from './errors.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    // Read from package.json, not the provenance module: --version must not load any lexicon
    const { readFileSync } = await import('node:fs');
    process.stdout.write(`${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"; commands are: ${COMMANDS.map((c) => c.name).join(', ')}`);
  const { values, positionals } = parse(command, rest);
  if (values.help) {
    process.stdout.write(`${helpText(command)}\n`);
    return 0;
  }
  switch (command.name) {
    case 'code': {
      const { runCode } = await import('./code.ts');
      return runCode(positionals, values);
    }
    case 'ingest': {
      const { runIngest } = await import('./ingest.ts');
      return runIngest(positionals, values);
    }
    case 'recode': {
      const { runRecode } = await import('./recode.ts');
      return runRecode(positionals, values);
    }
    case 'serve': {
      const { runServe } = await import('./serve.ts');
      return runServe(positionals, values);
    }
    case 'export': {
      const { runExport } = await import('./export.ts');
      return runExport(positionals, values);
    }
    case 'copy': {
      const { runCopy } = await import('./copy.ts');
      return runCopy(positionals, values);
    }
    case 'enqueue': {
      const { runEnqueue } = await import('./queue.ts');
      return runEnqueue(positionals, values);
    }
    case 'worker': {
      const { runQueueWorker } = await import('./queue.ts');
      return runQueueWorker(positionals, values);
    }
    case 'status': {
      const { runStatus } = await import('./queue.ts');
      return runStatus(positionals, values);
    }
    case 'demo': {
      const { runDemo } = await import('./demo.ts');
      return runDemo(positionals, values);
    }
    default:
      throw new UsageError(`command "${command.name}" is declared but not wired`);
  }
}

function parse(command: CommandSpec, args: string[]) {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const o of command.options) options[o.name] = { type: o.type };
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (error) {
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec((error as Error).message)?.[1];
    if (unknown) throw new UsageError(unknownOptionMessage(command, unknown));
    // Node's other messages ("Option '--port <value>' argument missing") are one line already; keep the first sentence.
    throw new UsageError(`${(error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, '')}; see \`dateline ${command.name} --help\``);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`dateline: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // A store that cannot be opened (unreachable, missing, newer schema) is the user's to fix: its message says how.
    if (/^E_STORE_/.test(String((error as { code?: unknown }).code))) {
      process.stderr.write(`dateline: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`dateline: internal error: ${(error as Error).message}\n${process.env.DATELINE_DEBUG ? `${(error as Error).stack}\n` : 'Set DATELINE_DEBUG=1 for the stack trace, and please report it.\n'}`);
    process.exitCode = 70;
  },
);
