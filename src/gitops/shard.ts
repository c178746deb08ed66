import { createHash } from 'node:crypto';
import { ZonesmithError } from '../errors.js';
import type { IrConfig, IrDomain } from '../ir/types.js';
import { selectDomains } from '../reconcile/select.js';

/** One share of the zones: `index` of `count`, 1-based (`--shard 2/4`, GitLab's CI_NODE_INDEX/CI_NODE_TOTAL). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n ≤ 10,000). */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= 10_000) || !(index >= 1 && index <= count)) {
    throw new ZonesmithError('shard-invalid', `--shard must be i/n with 1 <= i <= n (for example 2/4), not "${value}"`);
  }
  return { index, count };
}

/**
 * The share (1-based) a domain belongs to: sha256 of its unique name, so a domain stays in its share
 * when others are added or removed, and shares come out about equal in size.
 */
export function shardOf(uniqueName: string, count: number): number {
  const h = createHash('sha256').update(uniqueName).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** The domains a run takes: `--domains` patterns first, then this job's share. */
export function pickDomains(ir: IrConfig, opts: { readonly domains?: string; readonly shard?: Shard }): IrDomain[] {
  const picked = selectDomains(ir.domains, opts.domains);
  const { shard } = opts;
  return shard ? picked.filter((d) => shardOf(d.uniqueName, shard.count) === shard.index) : picked;
}
