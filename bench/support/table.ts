/**
 * What every benchmark does the same way: read `[changes] [runs]`, time a step, take medians over
 * runs and print a Markdown table (the form bench/README.md keeps its figures in).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** `[changes] [runs]` from the command line, with defaults. */
export function benchArgs(defaultN = 10_000, defaultRuns = 3): { n: number; runs: number } {
  return { n: Number(process.argv[2] ?? defaultN), runs: Number(process.argv[3] ?? defaultRuns) };
}

/** The middle value (the upper one of the two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** `node v20.x, 2 CPU(s) model`: what the figures were measured on. */
export function machine(): string {
  return `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}`;
}

/** Runs `run` `runs` times one after the other (they measure wall time, so never at once). */
export async function repeat<T>(runs: number, run: () => Promise<T>): Promise<T[]> {
  const all: T[] = [];
  for (let i = 0; i < runs; i++) all.push(await run());
  return all;
}

/** The first line of a benchmark's report: what ran, how often, and on what. */
export function heading(name: string, n: number, runs: number): string {
  return `${name} bench: ${n} changes per step, ${runs} run(s), median wall time; ${machine()}`;
}

/** Runs `fn` and returns its value with the wall time it took, in ms. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/** One column of a table: its title, and its cell from the same row of every run. */
export interface Column<R> {
  readonly title: string;
  cell(sameRow: readonly R[]): string;
}

/** A column showing the first run's value (counts, which are the same in every run). */
export function firstRun<R>(title: string, pick: (row: R) => string | number): Column<R> {
  return { title, cell: (rows) => String(pick(rows[0]!)) };
}

/** A column showing the median over the runs, in whole milliseconds. */
export function medianMs<R>(title: string, pick: (row: R) => number): Column<R> {
  return { title, cell: (rows) => median(rows.map(pick)).toFixed(0) };
}

/** Prints one line per row of the first run; the first column is left-aligned, the others right. */
export function printTable<R>(runs: readonly (readonly R[])[], columns: readonly Column<R>[]): void {
  console.log(`| ${columns.map((c) => c.title).join(' | ')} |`);
  console.log(`|${columns.map((_c, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (let i = 0; i < (runs[0]?.length ?? 0); i++) {
    const sameRow = runs.map((r) => r[i]!);
    console.log(`| ${columns.map((c) => c.cell(sameRow)).join(' | ')} |`);
  }
}
