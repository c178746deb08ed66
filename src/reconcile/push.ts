import type { Change } from '../diff/types.js';
import { pushResult, skippedPush } from '../plan/push-result.js';
import type { ZonePushResult } from '../plan/types.js';
import { errorText, type ZoneWork } from './gather.js';
import { mapLimited } from './limit.js';

/** How push runs. */
export interface PushOptions {
  /** Zones applied at once (each provider may allow fewer). */
  readonly concurrency: number;
  /** Progress lines. */
  readonly log: (line: string) => void;
  /** Called as each zone finishes. */
  readonly onResult?: (result: ZonePushResult) => void;
}

/**
 * Applies every planned zone. A zone that fails stops there (its remaining changes are reported as
 * not applied); the other zones go on. Zones with an error or blocked by the safety rails are
 * skipped and reported. Each result says exactly which record changes the provider confirmed.
 */
export async function pushWork(work: readonly ZoneWork[], opts: PushOptions): Promise<ZonePushResult[]> {
  return mapLimited(work, opts.concurrency, async (w) => {
    const result = await pushZone(w, opts);
    opts.onResult?.(result);
    return result;
  });
}

async function pushZone(w: ZoneWork, opts: PushOptions): Promise<ZonePushResult> {
  const { plan } = w;
  if (plan.error) return skippedPush(plan, plan.error);
  if (plan.safety.blocked) return skippedPush(plan, `refused by the safety rails (use --force to override): ${plan.safety.reasons.join('; ')}`);
  if (plan.changes.length === 0 && plan.exists) return skippedPush(plan);
  const applied: Change[] = [];
  const { instance, limiter } = w.provider;
  try {
    await limiter.run(async () => {
      if (!plan.exists && instance.ensureZone) {
        opts.log(`${plan.domain}: creating the zone at ${plan.provider}`);
        await instance.ensureZone(w.ref);
      }
      if (plan.changes.length === 0) return;
      await instance.apply(w.ref, plan.changes, {
        desired: w.diff?.desiredPlus ?? [],
        existing: w.existing ?? [],
        applied: (changes) => applied.push(...changes),
        log: (line) => opts.log(`${plan.domain} (${plan.provider}): ${line}`),
      });
    });
  } catch (err) {
    return pushResult(plan, { applied, error: errorText(err) });
  }
  return pushResult(plan, { applied });
}
