import type { IrSafety } from '../ir/types.js';
import type { ZonePlan, ZoneSafety } from './types.js';

/** octoDNS's defaults (MAX_SAFE_UPDATE_PCENT, MAX_SAFE_DELETE_PCENT, MIN_EXISTING_RECORDS). */
export const DEFAULT_SAFETY: Required<IrSafety> = { maxUpdateFraction: 0.3, maxDeleteFraction: 0.3, minExisting: 10 };

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** The zone's ASCII name: the unique name without its split-horizon tag. */
function zoneName(domain: string): string {
  const bang = domain.indexOf('!');
  return bang < 0 ? domain : domain.slice(0, bang);
}

/**
 * The safety rails, with octoDNS's semantics: in a zone with at least `minExisting` records, more
 * than `maxUpdateFraction` of them updated or more than `maxDeleteFraction` deleted (strictly more;
 * creates do not count) blocks the zone; any change to the apex NS records of a zone that exists
 * blocks it whatever its size. `force` lifts the block but the reasons are kept for the report.
 */
export function checkSafety(
  zone: Pick<ZonePlan, 'domain' | 'exists' | 'existingCount' | 'counts' | 'changes'>,
  safety: IrSafety | undefined,
  opts: { readonly force: boolean },
): ZoneSafety {
  const limits = { ...DEFAULT_SAFETY, ...stripUndefined(safety) };
  const reasons: string[] = [];
  const existing = zone.existingCount;
  if (existing > 0 && existing >= limits.minExisting) {
    const updates = zone.counts.update / existing;
    const deletes = zone.counts.delete / existing;
    if (updates > limits.maxUpdateFraction) {
      reasons.push(`too many updates: ${pct(updates)} is over ${pct(limits.maxUpdateFraction)} (${zone.counts.update}/${existing})`);
    }
    if (deletes > limits.maxDeleteFraction) {
      reasons.push(`too many deletes: ${pct(deletes)} is over ${pct(limits.maxDeleteFraction)} (${zone.counts.delete}/${existing})`);
    }
  }
  if (zone.exists) {
    const apex = zoneName(zone.domain);
    const touchesApexNs = zone.changes.some((c) =>
      c.details.some((d) => {
        const r = d.kind === 'create' ? d.after : d.before;
        return r.name === apex && r.type === 'NS';
      }),
    );
    if (touchesApexNs) reasons.push('the apex NS records would change (the zone delegation)');
  }
  if (reasons.length === 0) return { blocked: false, reasons };
  return opts.force ? { blocked: false, reasons, forced: true } : { blocked: true, reasons };
}

function stripUndefined(s: IrSafety | undefined): IrSafety {
  if (!s) return {};
  const out: { -readonly [K in keyof IrSafety]: IrSafety[K] } = {};
  if (s.maxUpdateFraction !== undefined) out.maxUpdateFraction = s.maxUpdateFraction;
  if (s.maxDeleteFraction !== undefined) out.maxDeleteFraction = s.maxDeleteFraction;
  if (s.minExisting !== undefined) out.minExisting = s.minExisting;
  return out;
}
