#!/usr/bin/env node
// `npm run lint:firefox`: web-ext lint (Mozilla's addons-linter) over dist/firefox. Fails on any error and on any
// warning we could fix; prints the counts. Run `npm run build` first.
// Warnings we cannot fix are listed in ACCEPTED with the reason, and still printed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Warning codes that say nothing we could change. Keyed by code, with why.
 * @type {Record<string, string>}
 */
const ACCEPTED = {};

/** Lints one build folder and returns addons-linter's result (errors, warnings, notices). */
export async function lintDir(sourceDir) {
  return webExt.cmd.lint(
    { sourceDir, output: 'none', boring: true, selfHosted: false, warningsAsErrors: false },
    { shouldExitProgram: false },
  );
}

function show(kind, items) {
  for (const m of items) {
    const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
    process.stdout.write(`  ${kind} ${m.code}: ${m.message}${where}${ACCEPTED[m.code] ? ` [accepted: ${ACCEPTED[m.code]}]` : ''}\n`);
  }
}

const dir = join(ROOT, 'dist', 'firefox');
if (!existsSync(join(dir, 'manifest.json'))) {
  process.stderr.write('lint:firefox: dist/firefox/manifest.json is missing; run `npm run build` first\n');
  process.exit(1);
}
const result = await lintDir(dir);
show('error', result.errors);
show('warning', result.warnings);
show('notice', result.notices);
const fixable = result.warnings.filter((w) => !ACCEPTED[w.code]);
process.stdout.write(
  `web-ext lint dist/firefox: ${result.errors.length} errors, ${result.warnings.length} warnings ` +
    `(${fixable.length} fixable), ${result.notices.length} notices\n`,
);
process.exit(result.errors.length || fixable.length ? 1 : 0);
