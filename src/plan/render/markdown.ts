import type { RecordChange } from '../../diff/types.js';
import { formatSource } from '../../ir/source.js';
import type { DnsRecord } from '../../records/types.js';
import type { Plan, ZonePlan } from '../types.js';
import { metaDiff, recordDsl } from './lines.js';
import { codeBlock, codeSpan, escapeText } from './markdown-escape.js';

/** The hidden line CI searches for to find and update the one plan comment on a pull request. */
export const PLAN_MARKER = '<!-- zonesmith:plan -->';

/** GitHub's limit on a comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_000;

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** The longest output allowed (default 65,000, GitHub's comment limit). */
  readonly maxChars?: number;
  /** Zones with more record changes than this are folded in `<details>` (default 20). */
  readonly foldAbove?: number;
  /** How many kept records a message lists (default 5). */
  readonly reportMax?: number;
}

const TABLE_HEAD = '| Operation | Name | Type | TTL | Value | Source |\n|--|--|--|--|--|--|';

function n(x: number): string {
  return x.toLocaleString('en-US');
}

function plural(x: number, word: string): string {
  return `${n(x)} ${word}${x === 1 ? '' : 's'}`;
}

function value(r: DnsRecord, meta: string): string {
  return codeSpan(`${r.rdata}${meta}`);
}

function where(r: DnsRecord): string {
  return r.source ? escapeText(formatSource(r.source)) : '';
}

/** A table row; empty cells are written `| |`. */
function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

/** The table rows of one record change, in octoDNS's shape (an update shows the old row, then the new). */
function rows(d: RecordChange): string {
  switch (d.kind) {
    case 'create':
      return row(['Create', codeSpan(d.after.name), escapeText(d.after.type), String(d.after.ttl), value(d.after, ''), where(d.after)]);
    case 'delete':
      return row(['Delete', codeSpan(d.before.name), escapeText(d.before.type), String(d.before.ttl), value(d.before, ''), '']);
    default: {
      const [bm, am] = metaDiff(d.before, d.after);
      const op = d.kind === 'ttl' ? 'Update TTL' : 'Update';
      return (
        `${row([op, codeSpan(d.after.name), escapeText(d.after.type), String(d.before.ttl), value(d.before, bm), ''])}\n` +
        row(['', '', '', String(d.after.ttl), value(d.after, am), where(d.after)])
      );
    }
  }
}

function status(z: ZonePlan): string {
  if (z.error !== undefined) return 'error';
  if (z.safety.blocked) return '**blocked**';
  const changes = z.counts.create + z.counts.update + z.counts.delete;
  if (z.safety.forced) return 'forced';
  return changes === 0 ? 'no changes' : 'ready';
}

function providerText(z: ZonePlan): string {
  return `${escapeText(z.provider)} (${escapeText(z.providerType)})`;
}

function zoneTitle(z: ZonePlan): string {
  const ascii = z.domain.split('!')[0] ?? z.domain;
  const uni = z.unicodeName !== '' && z.unicodeName !== ascii ? ` (${codeSpan(z.unicodeName, false)})` : '';
  return `${codeSpan(z.domain, false)}${uni} · ${providerText(z)}`;
}

/** A zone section: its head (title, state, messages) and its change rows, kept apart so rows can be cut. */
interface Section {
  readonly zone: ZonePlan;
  readonly head: string;
  readonly rows: readonly string[];
  readonly folded: boolean;
}

function section(z: ZonePlan, opts: Required<MarkdownOptions>): Section {
  const head: string[] = [`### ${zoneTitle(z)}`, ''];
  if (z.error !== undefined) {
    head.push('**This zone could not be planned:**', '', codeBlock(z.error), '');
    return { zone: z, head: head.join('\n'), rows: [], folded: false };
  }
  if (z.safety.reasons.length > 0) {
    head.push(
      z.safety.blocked ? '**Blocked by the safety rails**; push refuses this zone without `--force`:' : '**Safety rails overridden by `--force`:**',
      ...z.safety.reasons.map((r) => `- ${escapeText(r)}`),
      '',
    );
  }
  for (const m of z.messages) {
    const recs = m.records ?? [];
    const shown = recs.slice(0, opts.reportMax).map((r) => codeSpan(recordDsl(r), false));
    const more = recs.length > shown.length ? `, and ${n(recs.length - shown.length)} more` : '';
    head.push(`- ${m.kind === 'warning' ? '**Warning:** ' : ''}${escapeText(m.text)}${shown.length > 0 ? `: ${shown.join(', ')}${more}` : ''}`);
  }
  if (z.messages.length > 0) head.push('');
  const details = z.changes.flatMap((c) => c.details);
  if (details.length === 0) head.push('No changes.', '');
  return { zone: z, head: head.join('\n'), rows: details.map(rows), folded: details.length > opts.foldAbove };
}

function summaryRow(z: ZonePlan): string {
  return row([codeSpan(z.domain), providerText(z), String(z.counts.create), String(z.counts.update), String(z.counts.delete), status(z)]);
}

function summaryLine(plan: Plan): string {
  const sum = (k: 'create' | 'update' | 'delete') => plan.zones.reduce((x, z) => x + z.counts[k], 0);
  const blocked = plan.zones.filter((z) => z.safety.blocked).length;
  const errors = plan.zones.filter((z) => z.error !== undefined).length;
  const parts = [`**${plural(plan.zones.length, 'zone')}: ${plural(sum('create'), 'create')}, ${plural(sum('update'), 'update')}, ${plural(sum('delete'), 'delete')}.**`];
  if (blocked > 0) parts.push(`${plural(blocked, 'zone')} blocked by the safety rails.`);
  if (errors > 0) parts.push(`${plural(errors, 'zone')} could not be planned.`);
  return parts.join(' ');
}

interface Omission {
  summaryRows: number;
  zones: { zone: ZonePlan; left: number; total: number; whole: boolean }[];
}

function noteFor(o: Omission, maxChars: number): string {
  const items: string[] = [];
  if (o.summaryRows > 0) items.push(`the summary rows of the last ${plural(o.summaryRows, 'zone')}`);
  const LIST = 40;
  for (const x of o.zones.slice(0, LIST)) {
    const zone = `${codeSpan(x.zone.domain, false)} (${escapeText(x.zone.provider)})`;
    if (x.whole) items.push(x.total === 0 ? `the section of ${zone}` : `the section of ${zone} with all ${plural(x.total, 'change')}`);
    else items.push(`${n(x.left)} of the ${plural(x.total, 'change')} of ${zone}`);
  }
  if (o.zones.length > LIST) {
    const rest = o.zones.slice(LIST);
    const changes = rest.reduce((s, x) => s + x.left, 0);
    items.push(`the sections of ${plural(rest.length, 'more zone')} (${plural(changes, 'change')} left out)`);
  }
  return (
    `> **This comment is cut to stay under ${n(maxChars)} characters.** Left out: ${items.join('; ')}. ` +
    'The whole plan is in `zonesmith preview --format json`.'
  );
}

function assemble(plan: Plan, sections: readonly Section[], opts: Required<MarkdownOptions>, reserve: number): { text: string; cut: boolean } {
  const top = [PLAN_MARKER, '## zonesmith plan', '', summaryLine(plan), ''].join('\n');
  const checksum = `Plan checksum: \`${plan.checksum}\``;
  let budget = opts.maxChars - top.length - checksum.length - reserve - 8;
  const o: Omission = { summaryRows: 0, zones: [] };

  const summary: string[] = [];
  const summaryHead = '| Zone | Provider | Creates | Updates | Deletes | Status |\n|--|--|--:|--:|--:|--|';
  if (plan.zones.length > 0) {
    budget -= summaryHead.length + 2;
    // With many zones the summary alone could fill the comment; it gets at most a third of the room
    // so the change tables of the first zones still show.
    let room = sections.some((s) => s.rows.length > 0) ? Math.floor(budget / 3) : budget;
    for (const z of plan.zones) {
      const row = summaryRow(z);
      if (row.length + 1 > room) o.summaryRows++;
      else {
        summary.push(row);
        room -= row.length + 1;
        budget -= row.length + 1;
      }
    }
  }

  const body: string[] = [];
  for (const s of sections) {
    const open = s.rows.length === 0 ? '' : `${s.folded ? `<details><summary>${plural(s.rows.length, 'change')}</summary>\n\n` : ''}${TABLE_HEAD}\n`;
    const close = s.rows.length === 0 ? '' : s.folded ? '\n\n</details>\n' : '\n';
    const fixed = s.head.length + 2 + open.length + close.length;
    const first = s.rows[0];
    if (fixed + (first ? first.length + 1 : 0) > budget) {
      o.zones.push({ zone: s.zone, left: s.rows.length, total: s.rows.length, whole: true });
      continue;
    }
    budget -= fixed;
    const kept: string[] = [];
    for (const r of s.rows) {
      if (r.length + 1 > budget) break;
      kept.push(r);
      budget -= r.length + 1;
    }
    if (kept.length < s.rows.length) o.zones.push({ zone: s.zone, left: s.rows.length - kept.length, total: s.rows.length, whole: false });
    body.push(`${s.head}\n${open}${kept.join('\n')}${close}`);
  }

  const cut = o.summaryRows > 0 || o.zones.length > 0;
  const parts = [top];
  if (summary.length > 0) parts.push(`${summaryHead}\n${summary.join('\n')}\n`);
  parts.push(`${checksum}\n`);
  if (cut) parts.push(`${noteFor(o, opts.maxChars)}\n`);
  parts.push(...body);
  return { text: `${parts.join('\n').replace(/\n+$/, '')}\n`, cut };
}

/**
 * The plan as a pull-request comment: a hidden marker line, a summary (zones, creates, updates,
 * deletes, blocked zones), the plan checksum, then per zone its state and a table of changes in
 * octoDNS's shape, folded in `<details>` when long. Every cell is escaped. The result is at most
 * `maxChars` long; when it must be cut, a note says exactly which rows and sections were left out.
 */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const opts: Required<MarkdownOptions> = {
    maxChars: options.maxChars ?? GITHUB_COMMENT_LIMIT,
    foldAbove: options.foldAbove ?? 20,
    reportMax: options.reportMax ?? 5,
  };
  const sections = plan.zones.map((z) => section(z, opts));
  let reserve = 0;
  for (;;) {
    const { text, cut } = assemble(plan, sections, opts, reserve);
    if (text.length <= opts.maxChars || reserve > opts.maxChars) return text;
    // The note (or a rounding of the budget) took more room than reserved: reserve it and redo.
    reserve += text.length - opts.maxChars + (cut ? 64 : 16);
  }
}
