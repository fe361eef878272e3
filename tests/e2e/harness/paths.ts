// Where the end-to-end tests find the builds, their own fixtures and (when present) the shared third-party pages.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mount } from './server';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = {
  chrome: join(ROOT, 'dist', 'chrome'),
  firefox: join(ROOT, 'dist', 'firefox'),
  kb: join(ROOT, 'dist', 'data', 'kb.json'),
} as const;
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'e2e');
export const DEMO = join(ROOT, 'assets', 'demo');
/** ../shared beside the repo: present on developer machines and in CI, absent in a bare clone. */
export const SHARED = join(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'fixtures', 'seeds');
export const EVAL_PAGES = join(SHARED, 'eval', 'pages');

export const hasSeeds = (): boolean => existsSync(join(SEEDS, 'seeds.gold.json'));

/** Names of the folders in ../shared/eval/pages that hold a source.html. */
export function evalPages(): string[] {
  if (!existsSync(EVAL_PAGES)) return [];
  return readdirSync(EVAL_PAGES)
    .filter((d) => existsSync(join(EVAL_PAGES, d, 'source.html')))
    .sort();
}

/** The test server's mounts: our fixtures at /, the demo at /demo/, and the shared pages when they exist. */
export function testMounts(): Mount[] {
  const mounts: Mount[] = [
    { prefix: '/', dir: FIXTURES },
    { prefix: '/demo/', dir: DEMO },
  ];
  if (existsSync(SEEDS)) mounts.push({ prefix: '/shared/seeds/', dir: SEEDS });
  if (existsSync(EVAL_PAGES)) mounts.push({ prefix: '/shared/pages/', dir: EVAL_PAGES });
  return mounts;
}
