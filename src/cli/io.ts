// The CLI's only door to the outside world: every command module gets one `CliIO` and touches nothing else,
// so tests can pass a fake (issue #2, item 8).
import { existsSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliIO {
  /** Writes text to standard output as it is (callers add their own newlines). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, as UTF-8. */
  stdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  /** Atomic: writes a temporary file next to `path`, then renames it over `path`. */
  writeFile(path: string, data: string): Promise<void>;
  /** The compiled knowledge base (`dist/data/kb.json`). */
  kbPath: string;
  /** The bundled corpus (`dist/data/corpus.json`). */
  corpusPath: string;
}

/**
 * `dist/data/` whether we run bundled (`dist/cli/backstory.mjs`) or from source (`src/cli/*.ts` under tsx).
 * BACKSTORY_DATA overrides it (tests, or data kept elsewhere).
 */
export function dataDir(moduleUrl: string = import.meta.url): string {
  const env = process.env.BACKSTORY_DATA;
  if (env) return resolve(env);
  const here = dirname(fileURLToPath(moduleUrl));
  if (basename(here) === 'cli' && basename(dirname(here)) === 'dist') return join(here, '..', 'data');
  // From source: src/cli -> repo root. Walk up to the package.json in case the file moved.
  let dir = here;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'data');
    dir = dirname(dir);
  }
  return join(here, '..', '..', 'dist', 'data');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function atomicWrite(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export function nodeIO(): CliIO {
  const data = dataDir();
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: readStdin,
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: atomicWrite,
    kbPath: join(data, 'kb.json'),
    corpusPath: join(data, 'corpus.json'),
  };
}

/** One line for an error that names its input: "backstory: PAGE.html: no such file". */
export function errorLine(input: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const why =
    err?.code === 'ENOENT' ? 'no such file'
    : err?.code === 'EISDIR' ? 'is a directory'
    : err?.code === 'EACCES' ? 'permission denied'
    : (err?.message ?? String(e)).split('\n')[0];
  return `backstory: ${input}: ${why}\n`;
}
