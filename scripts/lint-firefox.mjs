#!/usr/bin/env node
// `npm run lint:firefox`: web-ext lint (Mozilla's addons-linter) over dist/firefox. Fails on any error and on any
// warning we could fix; prints the counts. Run `npm run build` first.
// Warnings we cannot fix are listed in ACCEPTED with the reason, and still printed. An acceptance names the bundled
// module the warning comes from (esbuild marks each module with a `// path` comment), so the same warning in our own
// code still fails.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Warnings in third-party code that we bundle as it is, with why each is harmless.
 * @type {{ code: string, module: RegExp, why: string }[]}
 */
const ACCEPTED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    module: /^node_modules\/preact\//,
    why: "Preact's dangerouslySetInnerHTML path, which no Backstory component uses",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    module: /^node_modules\/@mozilla\/readability\//,
    why: 'Readability resets its own detached clone of the page; nothing is written into the live page',
  },
];

const sources = new Map();
/** The bundled module a line of a built file comes from (`node_modules/…` or `src/…`), or null. */
function moduleAt(file, line) {
  if (!file || !line) return null;
  if (!sources.has(file)) {
    const path = join(dir, file);
    sources.set(file, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
  }
  const lines = sources.get(file);
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = /^\s*\/\/ ((?:node_modules|src)\/\S+)\s*$/.exec(lines[i]);
    if (m) return m[1];
  }
  return null;
}

/** Why a warning is accepted, or null when it is ours to fix. */
function accepted(m) {
  const mod = moduleAt(m.file, m.line);
  const hit = mod && ACCEPTED.find((a) => a.code === m.code && a.module.test(mod));
  return hit ? `${mod}: ${hit.why}` : null;
}

/** Lints one build folder and returns addons-linter's result (errors, warnings, notices). */
export async function lintDir(sourceDir) {
  return webExt.cmd.lint(
    { sourceDir, output: 'none', boring: true, selfHosted: false, warningsAsErrors: false },
    { shouldExitProgram: false },
  );
}

const dir = join(ROOT, 'dist', 'firefox');

function show(kind, items) {
  for (const m of items) {
    const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
    const why = kind === 'warning' ? accepted(m) : null;
    process.stdout.write(`  ${kind} ${m.code}: ${m.message}${where}${why ? ` [accepted: ${why}]` : ''}\n`);
  }
}

if (!existsSync(join(dir, 'manifest.json'))) {
  process.stderr.write('lint:firefox: dist/firefox/manifest.json is missing; run `npm run build` first\n');
  process.exit(1);
}
const result = await lintDir(dir);
show('error', result.errors);
show('warning', result.warnings);
show('notice', result.notices);
const fixable = result.warnings.filter((w) => !accepted(w));
process.stdout.write(
  `web-ext lint dist/firefox: ${result.errors.length} errors, ${result.warnings.length} warnings ` +
    `(${fixable.length} fixable), ${result.notices.length} notices\n`,
);
process.exit(result.errors.length || fixable.length ? 1 : 0);
