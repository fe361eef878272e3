#!/usr/bin/env node
// `npm test`: build -> typecheck -> vitest unit, data, dom -> web-ext lint -> vitest e2e (real Chromium and Firefox).
// Every step runs even when an earlier one failed (so one run shows everything), except the end-to-end tests, which
// need a complete build. The last line is `N passed, N failed[, N skipped]`: the vitest tests of every project plus
// the three checks (build, typecheck, lint:firefox), as CI reads it (NOTES.md). Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = join(ROOT, 'dist', 'test-results');
const BIN = join(ROOT, 'node_modules', '.bin');

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args) {
  const t0 = Date.now();
  process.stdout.write(`\n=== ${label}: ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  return { ok: r.status === 0, secs, status: r.status ?? r.signal };
}

function check(label, cmd, args) {
  const r = run(label, cmd, args);
  totals[r.ok ? 'passed' : 'failed']++;
  lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${label} (${r.secs} s)`);
  return r.ok;
}

/** Runs vitest on some projects with a JSON report, and adds its counts. */
function vitest(label, projects) {
  const out = join(REPORTS, `${label}.json`);
  rmSync(out, { force: true });
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const r = run(label, join(BIN, 'vitest'), args);
  let counts = null;
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    counts = { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0, skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0) };
    // A suite that fails to load has no test to count; count it as one failure so it cannot pass unseen.
    const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
    counts.failed += brokenFiles;
  }
  if (!counts) counts = { passed: 0, failed: 1, skipped: 0 };
  if (!r.ok && counts.failed === 0) counts.failed = 1; // vitest failed for a reason with no failed test (no files, a crash)
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  lines.push(`${r.ok ? 'ok  ' : 'FAIL'} ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${r.secs} s)`);
  return r.ok;
}

mkdirSync(REPORTS, { recursive: true });
const built = check('build', process.execPath, [join(ROOT, 'scripts', 'build.mjs')]);
check('typecheck', join(BIN, 'tsc'), ['-p', 'tsconfig.json', '--noEmit']);
vitest('unit-data-dom', ['unit', 'data', 'dom']);
if (built) {
  check('lint:firefox', process.execPath, [join(ROOT, 'scripts', 'lint-firefox.mjs')]);
  vitest('e2e', ['e2e']);
} else {
  totals.failed++;
  lines.push('FAIL lint:firefox and e2e not run: the build failed');
}

process.stdout.write(`\n=== summary\n${lines.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed ? 1 : 0);
