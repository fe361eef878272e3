#!/usr/bin/env node
// `npm run eval` (issue #4): scores the linker on ../shared/eval/news-fair-dev.jsonl with the shared scorer,
// through the CLI (`bin/backstory analyze --text --jsonl`), and prints its table. The benchmark belongs to its
// publishers and stays in ../shared: when that folder is absent this prints a message and exits 0.
// Needs `npm run build` first (the CLI and dist/data/kb.json).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const scorer = join(shared, 'scripts', 'eval-linking.mjs');
const bench = join(shared, 'eval', 'news-fair-dev.jsonl');
const cli = join(root, 'bin', 'backstory');

if (!existsSync(scorer) || !existsSync(bench)) {
  console.log(`eval: skipped, ${existsSync(shared) ? 'the benchmark or scorer is missing in' : 'no'} ${shared}`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli', 'backstory.mjs')) || !existsSync(join(root, 'dist', 'data', 'kb.json'))) {
  console.error('eval: run `npm run build` first (needs dist/cli/backstory.mjs and dist/data/kb.json)');
  process.exit(1);
}

// The knowledge base's ids, for recall over what it covers (a temp file: no shell process substitution).
const ids = spawnSync(process.execPath, [cli, 'kb', '--ids'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
if (ids.status !== 0) {
  console.error(`eval: bin/backstory kb --ids failed: ${ids.stderr.trim().split('\n').pop()}`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'backstory-eval-'));
try {
  const idsFile = join(dir, 'kb-ids.txt');
  writeFileSync(idsFile, ids.stdout);
  const args = [scorer, '--bench', bench, '--cmd', `"${process.execPath}" "${cli}" analyze --text --jsonl`, '--kb-ids', idsFile, ...process.argv.slice(2)];
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
