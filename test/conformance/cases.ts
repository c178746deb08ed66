/**
 * Reads ../shared/fixtures/conformance-cases.md (DNSControl's provider integration steps, as data)
 * into groups of steps. Each step is the COMPLETE desired state of the test zone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A record as the case file writes it: DSL-style arguments in presentation order. */
export interface CaseRecord {
  readonly type: string;
  readonly label: string;
  readonly args: readonly (string | number)[];
  readonly ttl: number;
}

/** One step: the full desired record set (empty for DNSControl's "Empty" steps). */
export interface CaseStep {
  readonly name: string;
  readonly records: readonly CaseRecord[];
  readonly expectNoChanges: boolean;
  readonly unsafeIgnore: boolean;
  /** IGNORE rules the step adds (own groups only). */
  readonly ignores?: readonly { label: string; types: string; target: string }[];
  /** NO_PURGE for the step (own groups only). */
  readonly noPurge?: boolean;
  /** ENSURE_ABSENT_REC records for the step (own groups only). */
  readonly absent?: readonly CaseRecord[];
  /** IGNORE_EXTERNAL_DNS with this prefix (own groups only). */
  readonly externalDns?: string;
  /** Records that must exist after the push (kept by a hands-off rule). */
  readonly expectPresent?: readonly CaseRecord[];
  /** Records that must not exist after the push. */
  readonly expectAbsent?: readonly CaseRecord[];
}

/** Which providers a group applies to. */
export interface CaseFilters {
  /** DNSControl capability names (`CanUseCAA`). */
  readonly requires: readonly string[];
  /** Provider TYPE allow-list (empty = all). */
  readonly only: readonly string[];
  /** Provider TYPE deny-list. */
  readonly not: readonly string[];
}

/** A group of steps, run from an empty zone. */
export interface CaseGroup {
  readonly id: string;
  readonly name: string;
  readonly filters: CaseFilters;
  readonly steps: readonly CaseStep[];
  /** Why the group can't run as written (e.g. values truncated in the extract). */
  readonly unusable?: string;
}

/** Path of the shared case file, relative to the project root. */
export const CASES_FILE = resolve(import.meta.dirname, '../../../shared/fixtures/conformance-cases.md');

/** Parses the whole case file. */
export function readDnscontrolCases(path = CASES_FILE): CaseGroup[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const groups: CaseGroup[] = [];
  let group: { id: string; name: string; filters: CaseFilters; steps: CaseStep[]; unusable?: string } | undefined;
  let step: { name: string; records: CaseRecord[]; expectNoChanges: boolean; unsafeIgnore: boolean } | undefined;
  const flush = (): void => {
    if (group) groups.push(group);
  };
  for (const line of lines) {
    const head = /^## (\d+) · (.+)$/.exec(line);
    if (head) {
      flush();
      group = { id: head[1]!, name: head[2]!.trim(), filters: { requires: [], only: [], not: [] }, steps: [] };
      step = undefined;
      continue;
    }
    if (!group) continue;
    if (line.startsWith('filters:')) {
      group.filters = parseFilters(line.slice('filters:'.length));
      continue;
    }
    const st = /^\d+\. \*\*(.+?)\*\*(.*)$/.exec(line);
    if (st) {
      step = { name: st[1]!.trim(), records: [], expectNoChanges: st[2]!.includes('[ExpectNoChanges]'), unsafeIgnore: st[2]!.includes('[UnsafeIgnore]') };
      group.steps.push(step);
      continue;
    }
    const rec = /^\s+- `(.+)`/.exec(line);
    if (rec && step) {
      try {
        step.records.push(...parseRecordLine(rec[1]!));
      } catch (err) {
        group.unusable = (err as Error).message;
      }
    }
  }
  flush();
  return groups;
}

function parseFilters(text: string): CaseFilters {
  const out = { requires: [] as string[], only: [] as string[], not: [] as string[] };
  for (const m of text.matchAll(/(requires|only|not)\(([^)]*)\)/g)) {
    const names = [...m[2]!.matchAll(/"?([A-Za-z0-9_]+)"?/g)].map((x) => x[1]!);
    out[m[1] as 'requires' | 'only' | 'not'].push(...names);
  }
  return out;
}

/** Parses one record line of the case notation. */
export function parseRecordLine(text: string): CaseRecord[] {
  const many = /^manyA\(pattern="([^"]+)", target="([^"]+)", n=(\d+)\)$/.exec(text);
  if (many) {
    const [, pattern, target, n] = many;
    return Array.from({ length: Number(n) }, (_, i) => ({
      type: 'A',
      label: pattern!.replace(/%0(\d)d/, (_m, w: string) => String(i).padStart(Number(w), '0')),
      args: [target!],
      ttl: 300,
    }));
  }
  if (text.includes('…')) throw new Error(`values are truncated in the case file: ${text.slice(0, 40)}…`);
  const tokens = tokenize(text.replace(/\s\(\d+ (hex|chars)\)$/, ''));
  const type = tokens.shift();
  const label = tokens.shift();
  if (typeof type !== 'string' || typeof label !== 'string') throw new Error(`cannot parse case record: ${text}`);
  let ttl = 300;
  const args: (string | number)[] = [];
  for (const t of tokens) {
    if (typeof t === 'string' && /^ttl=\d+$/.test(t)) ttl = Number(t.slice(4));
    else args.push(t);
  }
  return [{ type, label, args, ttl }];
}

function tokenize(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      let value = JSON.parse(text.slice(i, j + 1)) as string;
      i = j + 1;
      const rep = /^×(\d+)/.exec(text.slice(i));
      if (rep) {
        value = value.repeat(Number(rep[1]));
        i += rep[0].length;
      }
      out.push(value);
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== ' ') j++;
    const word = text.slice(i, j);
    out.push(/^\d+$/.test(word) ? Number(word) : word);
    i = j;
  }
  return out;
}
