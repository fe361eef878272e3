// Small statistics and table helpers shared by the Node and browser benches.

export function quantile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p90 = (xs: readonly number[]) => quantile(xs, 0.9);

export const fmt = (ms: number, digits = 1) => (Number.isFinite(ms) ? ms.toFixed(digits) : '–');

/** One table row per stage: median and p90 in ms over the given samples. */
export function stageTable(title: string, stages: Record<string, number[]>): string {
  const lines = [`${title}`, `  ${'stage'.padEnd(22)} ${'median ms'.padStart(10)} ${'p90 ms'.padStart(10)} ${'pages'.padStart(6)}`];
  for (const [name, xs] of Object.entries(stages)) {
    lines.push(`  ${name.padEnd(22)} ${fmt(median(xs)).padStart(10)} ${fmt(p90(xs)).padStart(10)} ${String(xs.length).padStart(6)}`);
  }
  return lines.join('\n');
}
