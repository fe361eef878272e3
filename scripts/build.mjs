#!/usr/bin/env node
// `npm run build`: compiled data, then one bundle set written twice (dist/chrome, dist/firefox) with a manifest per
// browser generated from the one source manifest.json (STYLE.md habit 13), then the CLI bundle.
// `npm run package` (--package) also zips both targets. Flags: --package, --no-data (reuse dist/data as it is).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
export const TARGETS = /** @type {const} */ (['chrome', 'firefox']);
const PAGES = ['sidebar', 'popup', 'options'];
const LOCALE_KEYS = ['extName', 'extDescription', 'cmdToggleSidebar', 'cmdNextActor', 'cmdPrevActor'];

class BuildError extends Error {}

/**
 * Turns the one source manifest into the manifest of one browser. Chrome gets a background service worker and
 * dynamic web-accessible URLs; Firefox gets background scripts and its gecko settings. Both lint clean only when
 * each carries just its own keys (a manifest with both background forms lints with warnings: NOTES.md).
 * @param {Record<string, any>} source
 * @param {'chrome' | 'firefox'} browser
 */
export function manifestFor(source, browser) {
  const m = structuredClone(source);
  if (browser === 'chrome') {
    m.background = { service_worker: source.background.service_worker };
    delete m.browser_specific_settings;
  } else {
    m.background = { scripts: source.background.scripts };
    delete m.minimum_chrome_version;
    // Firefox already serves each install under its own random moz-extension:// UUID; the key is Chrome's.
    for (const war of m.web_accessible_resources ?? []) delete war.use_dynamic_url;
  }
  return m;
}

function log(msg) {
  process.stdout.write(`[build] ${msg}\n`);
}

/** Runs one data build script with tsx; a missing script is skipped (with a notice), a failing one stops the build. */
function runDataStep(script, output) {
  const path = join(ROOT, script);
  if (!existsSync(path)) {
    log(`skip ${script}: not written yet, so ${relative(ROOT, output)} is ${existsSync(output) ? 'left as it is' : 'missing'}`);
    return;
  }
  const t0 = performance.now();
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [path], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new BuildError(`${script} failed (exit ${r.status ?? r.signal}); no extension was built`);
  if (!existsSync(output)) throw new BuildError(`${script} ran but did not write ${relative(ROOT, output)}`);
  log(`${script} -> ${relative(ROOT, output)} (${kb(statSync(output).size)}, ${ms(t0)})`);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (t0) => `${(performance.now() - t0).toFixed(0)} ms`;

/** The esbuild entry points that exist, and a list of the ones that don't (written by other people, maybe later). */
function entryPoints() {
  const wanted = [
    { out: 'background', in: 'src/background/index.ts' },
    { out: 'content', in: 'src/content/index.ts' },
    { out: 'content', in: 'src/content/content.css' },
    ...PAGES.flatMap((p) => [
      { out: p, in: `src/${p}/main.tsx` },
      { out: p, in: `src/${p}/${p}.css` },
    ]),
  ];
  const present = wanted.filter((e) => existsSync(join(ROOT, e.in)));
  const missing = wanted.filter((e) => !present.includes(e)).map((e) => e.in);
  for (const p of PAGES) if (!existsSync(join(ROOT, `src/${p}/${p}.html`))) missing.push(`src/${p}/${p}.html`);
  return { present, missing };
}

/** Bundles every present entry into `outdir`. JS is an IIFE everywhere: classic scripts load in every context. */
async function bundleExtension(outdir, present) {
  const js = present.filter((e) => !e.in.endsWith('.css'));
  const css = present.filter((e) => e.in.endsWith('.css'));
  const common = {
    bundle: true,
    outdir,
    target: 'es2022',
    logLevel: 'warning',
    legalComments: 'inline',
    charset: 'utf8',
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
  };
  if (js.length) {
    await esbuild.build({
      ...common,
      entryPoints: js,
      format: 'iife',
      platform: 'browser',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
  }
  // CSS entries go through esbuild too, so @import works; one call per file keeps names exact. A page script that
  // imports its own CSS emits the same <page>.css, which this then rewrites from the CSS entry.
  for (const e of css) await esbuild.build({ ...common, entryPoints: [e] });
}

function copyDir(from, to) {
  if (!existsSync(from)) return false;
  cpSync(from, to, { recursive: true, filter: (src) => !/\.(m?js|ts|md)$/.test(src) || statSync(src).isDirectory() });
  return true;
}

/** Checks that the locale has every message the manifest names, so the browser never shows a raw __MSG_x__. */
function checkLocales(dir) {
  const file = join(dir, '_locales', 'en', 'messages.json');
  if (!existsSync(file)) return [`_locales/en/messages.json (from assets/_locales/en/messages.json)`];
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  return LOCALE_KEYS.filter((k) => !messages[k]?.message).map((k) => `message "${k}" in assets/_locales/en/messages.json`);
}

async function buildCli() {
  const entry = join(ROOT, 'src/cli/main.ts');
  if (!existsSync(entry)) return ['src/cli/main.ts'];
  await esbuild.build({
    entryPoints: [entry],
    outfile: join(DIST, 'cli', 'backstory.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules is there after `npm ci`; bundling jsdom and friends would only slow the build.
    packages: 'external',
    logLevel: 'warning',
  });
  return [];
}

function zipDir(dir, outfile) {
  /** @type {Record<string, Uint8Array>} */
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p).split('\\').join('/')] = readFileSync(p);
    }
  };
  walk(dir);
  // A fixed date keeps the zips byte-identical across builds of the same tree.
  writeFileSync(outfile, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return outfile;
}

/**
 * Builds everything. Returns the list of missing inputs (empty when the build is complete).
 * @param {{ data?: boolean, pack?: boolean }} [opts]
 */
export async function build(opts = {}) {
  const t0 = performance.now();
  mkdirSync(join(DIST, 'data'), { recursive: true });
  if (opts.data !== false) {
    runDataStep('scripts/kb/build.ts', join(DIST, 'data', 'kb.json'));
    runDataStep('scripts/corpus/build.ts', join(DIST, 'data', 'corpus.json'));
  }
  const { present, missing } = entryPoints();
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  const stage = join(DIST, '.stage');
  rmSync(stage, { recursive: true, force: true });
  await bundleExtension(stage, present);
  for (const p of PAGES) {
    const html = join(ROOT, `src/${p}/${p}.html`);
    if (existsSync(html)) cpSync(html, join(stage, `${p}.html`));
  }
  if (!copyDir(join(ROOT, 'assets/_locales'), join(stage, '_locales'))) missing.push('assets/_locales/');
  if (!copyDir(join(ROOT, 'assets/icons'), join(stage, 'icons'))) missing.push('assets/icons/');
  // Licences travel with the data they cover (CC BY-SA and CC BY need the credit shipped; see NOTICE.md).
  for (const [from, to] of [['LICENSE', 'LICENSE'], ['NOTICE.md', 'NOTICE.md'], ['assets/kb/SOURCES.md', 'data/SOURCES.md']]) {
    if (!existsSync(join(ROOT, from))) { missing.push(from); continue; }
    mkdirSync(dirname(join(stage, to)), { recursive: true });
    cpSync(join(ROOT, from), join(stage, to));
  }
  const data = readdirSync(join(DIST, 'data')).filter((f) => f.endsWith('.json'));
  if (data.length) {
    // Gzipped: web-ext lint refuses to parse files over 5 MB (kb.json is larger), and the package is ~7x smaller.
    // The background reads data/NAME.json.gz through DecompressionStream (src/background/index.ts).
    mkdirSync(join(stage, 'data'), { recursive: true });
    for (const f of data) writeFileSync(join(stage, 'data', `${f}.gz`), gzipSync(readFileSync(join(DIST, 'data', f)), { level: 9 }));
  }
  for (const f of ['kb.json', 'corpus.json']) if (!data.includes(f)) missing.push(`dist/data/${f}`);
  missing.push(...checkLocales(stage));

  for (const browser of TARGETS) {
    const out = join(DIST, browser);
    rmSync(out, { recursive: true, force: true });
    cpSync(stage, out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(source, browser), null, 2)}\n`);
  }
  rmSync(stage, { recursive: true, force: true });
  missing.push(...(await buildCli()));

  if (opts.pack) {
    for (const browser of TARGETS) log(`wrote ${relative(ROOT, zipDir(join(DIST, browser), join(DIST, `backstory-${browser}.zip`)))}`);
  }
  log(`dist/chrome, dist/firefox, dist/cli built in ${ms(t0)}`);
  return missing;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  try {
    const missing = await build({ data: !args.has('--no-data'), pack: args.has('--package') });
    if (missing.length) {
      process.stderr.write(`[build] incomplete: these inputs are missing, so the extension is not whole:\n`);
      for (const m of missing) process.stderr.write(`  - ${m}\n`);
      process.exit(1);
    }
  } catch (err) {
    process.stderr.write(`[build] failed: ${err instanceof BuildError ? err.message : err?.stack ?? err}\n`);
    process.exit(1);
  }
}
