import type { Change, RecordChange } from '../../diff/types.js';
import { totalChanges } from '../build.js';
import { recordChangeKey } from '../push-result.js';
import type { Plan, ZonePlan, ZonePushResult } from '../types.js';
import { changeLines, messageLines, sanitize } from './lines.js';

/** Options of the text renderers. */
export interface TextOptions {
  /** ANSI colours; the CLI turns them on for a TTY without NO_COLOR. */
  readonly color?: boolean;
  /** DNSControl's --full: "0 corrections" lines and every kept record listed. */
  readonly full?: boolean;
  /** How many kept records a message lists before "...and N more..." (DNSControl's --reportmax, default 5). */
  readonly reportMax?: number;
}

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', reset: '\u001b[0m' } as const;

function paint(line: string, opts: TextOptions): string {
  if (!opts.color) return line;
  const c = line.startsWith('+ ') ? ANSI.green : line.startsWith('- ') ? ANSI.red : line.startsWith('± ') ? ANSI.yellow : undefined;
  return c ? `${c}${line}${ANSI.reset}` : line;
}

function red(text: string, opts: TextOptions): string {
  return opts.color ? `${ANSI.red}${text}${ANSI.reset}` : text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function displayName(z: ZonePlan): string {
  const ascii = z.domain.split('!')[0] ?? z.domain;
  return sanitize(z.unicodeName !== ascii && z.unicodeName !== '' ? `${z.domain} (${z.unicodeName})` : z.domain);
}

/** The corrections of a zone: one per Change, or one for the whole zone when the provider rewrites it. */
function corrections(z: ZonePlan): Change[][] {
  if (z.changes.length === 0) return [];
  return z.granularity === 'zone' ? [z.changes.slice()] : z.changes.map((c) => [c]);
}

function zoneLines(z: ZonePlan, opts: TextOptions, result?: ZonePushResult): string[] {
  const out: string[] = [];
  if (z.error !== undefined) {
    out.push(...z.error.split('\n').map((l, i) => red(`${i === 0 ? 'ERROR: ' : '       '}${sanitize(l)}`, opts)));
    return out;
  }
  const n = z.counts.create + z.counts.update + z.counts.delete;
  if (n > 0 || opts.full) out.push(`${plural(n, 'correction')} (${sanitize(z.provider)})`);
  const reportMax = opts.full ? undefined : (opts.reportMax ?? 5);
  z.messages.forEach((m, i) => {
    const [first, ...rest] = messageLines(m, reportMax);
    out.push(`${m.kind === 'warning' ? 'WARNING' : 'INFO'}#${i + 1}: ${first}`, ...rest);
  });
  const applied = result ? new Set(result.applied.map(recordChangeKey)) : undefined;
  const failed = result ? new Set(result.failed.map(recordChangeKey)) : undefined;
  let failureShown = false;
  corrections(z).forEach((group, i) => {
    const lines = group.flatMap(changeLines).map((l) => paint(l, opts));
    out.push(`#${i + 1}: ${lines[0] ?? ''}`, ...lines.slice(1));
    if (!result || result.status === 'skipped') return;
    const details: RecordChange[] = group.flatMap((c) => c.details);
    if (details.every((d) => applied?.has(recordChangeKey(d)))) out.push('SUCCESS!');
    else if (details.some((d) => failed?.has(recordChangeKey(d))) || (!failureShown && result.failed.length === 0)) {
      failureShown = true;
      out.push(red(`FAILURE! ${sanitize(result.error ?? 'not confirmed by the provider')}`, opts));
    } else out.push('NOT APPLIED');
  });
  if (z.safety.reasons.length > 0) {
    const why = z.safety.reasons.map(sanitize).join('; ');
    out.push(z.safety.blocked ? red(`BLOCKED by the safety rails: ${why} (use --force to push anyway)`, opts) : `SAFETY OVERRIDDEN by --force: ${why}`);
  }
  if (result?.status === 'skipped' && z.safety.blocked) out.push('Nothing was applied in this zone.');
  return out;
}

function render(plan: Plan, opts: TextOptions, results?: readonly ZonePushResult[]): string {
  const out: string[] = [];
  let current: string | undefined;
  for (const z of plan.zones) {
    if (z.domain !== current) {
      out.push(`******************** Domain: ${displayName(z)}`);
      current = z.domain;
    }
    const result = results?.find((r) => r.domain === z.domain && r.provider === z.provider);
    out.push(...zoneLines(z, opts, result));
  }
  if (results) {
    const applied = results.reduce((n, r) => n + r.applied.length, 0);
    const notDone = results.reduce((n, r) => n + r.failed.length + (r.status === 'skipped' ? 0 : r.notApplied.length), 0);
    if (notDone > 0) out.push(red(`Applied ${applied} of ${applied + notDone} changes; ${notDone} not applied.`, opts));
  }
  out.push(`Done. ${totalChanges(plan)} corrections.`);
  return `${out.join('\n')}\n`;
}

/** The preview in DNSControl's text shape (`******************** Domain: x`, `#1: + CREATE ...`, `Done. N corrections.`). */
export function renderText(plan: Plan, opts: TextOptions = {}): string {
  return render(plan, opts, undefined);
}

/** The same, after push: each correction followed by SUCCESS!, FAILURE! <error> or NOT APPLIED. */
export function renderPushText(plan: Plan, results: readonly ZonePushResult[], opts: TextOptions = {}): string {
  return render(plan, opts, results);
}
