import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The p-th percentile (nearest rank) of samples; NaN without any. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

/** Writes a benchmark's figures to bench-results/<name>.json and says where. */
export async function writeBenchResult(name: string, result: unknown): Promise<void> {
  const out = path.resolve('bench-results', `${name}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

/**
 * Sets one section of bench-results/<name>.json (`{"sections": {<section>: result}}`),
 * keeping the sections other runs wrote, so a benchmark of several parts can run them one at a time.
 */
export async function mergeBenchSection(name: string, section: string, result: unknown): Promise<void> {
  const out = path.resolve('bench-results', `${name}.json`);
  const before = await readFile(out, 'utf8').then(
    (text) => JSON.parse(text) as { sections?: Record<string, unknown> },
    () => ({}) as { sections?: Record<string, unknown> },
  );
  await writeBenchResult(name, { ...before, sections: { ...before.sections, [section]: result } });
}
