// Entry of the `backstory` CLI (issue #2, item 8), bundled to dist/cli/backstory.mjs and run by bin/backstory.
// Each command lives in its own module with `run(args, io)`; they are imported on demand so that
// `analyze PAGE` never loads the batch or build code.
import { pathToFileURL } from 'node:url';
import type { CliIO } from './io.js';
import { nodeIO } from './io.js';

export const HELP = `Usage: backstory <command> [options]

Commands:
  analyze PAGE.html [--json] [--corpus FILE]...   article, actors, mentions and related stories of a saved page
  analyze --text --jsonl                          link lines {"id","text","date"?} read on stdin, one result a line
  kb ...                                          the knowledge base (kb --ids: every actor id, one a line)
  corpus ...                                      related-story corpora (build, check, import)

Run "backstory <command> --help" for a command's options.
`;

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      case 'analyze':
        if (rest.includes('--text')) return await (await import('./analyze-text.js')).run(rest, io);
        return await (await import('./analyze-page.js')).run(rest, io);
      case 'kb':
        return await (await import('./kb.js')).run(rest, io);
      case 'corpus':
        return await (await import('./corpus.js')).run(rest, io);
      default:
        io.stderr(`backstory: unknown command "${command}" (try backstory --help)\n`);
        return 2;
    }
  } catch (e) {
    // A bug, not bad input: keep it to one line unless asked for more.
    const err = e as Error;
    io.stderr(`backstory: ${err?.message ?? String(e)}\n`);
    if (process.env.BACKSTORY_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
    return 1;
  }
}

// Run when this file is the program (`node dist/cli/backstory.mjs`, `npx tsx src/cli/main.ts`);
// bin/backstory imports it and calls main() itself.
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await main(process.argv.slice(2));
}
