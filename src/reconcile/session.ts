import { ZonesmithError } from '../errors.js';
import type { ResolvedProvider } from '../provider/resolve.js';
import type { ProviderEnv, ProviderInstance } from '../provider/types.js';
import { createLimiter, type Limiter } from './limit.js';

/** A provider instance with the limiter that bounds how many of its zones are in flight. */
export interface LiveProvider {
  readonly resolved: ResolvedProvider;
  readonly instance: ProviderInstance;
  readonly limiter: Limiter;
}

/**
 * Creates provider instances on first use (so a run that touches one provider never parses another's
 * credentials) and closes them all at the end.
 */
export class ProviderSession {
  private readonly live = new Map<string, LiveProvider>();

  constructor(
    private readonly providers: ReadonlyMap<string, ResolvedProvider>,
    private readonly env: ProviderEnv,
    private readonly concurrency: number,
  ) {}

  /** The live provider for a config name; throws if the config does not declare it. */
  get(name: string): LiveProvider {
    const existing = this.live.get(name);
    if (existing) return existing;
    const resolved = this.providers.get(name);
    if (!resolved) throw new ZonesmithError('provider-unknown', `DNS provider "${name}" is not declared or has no usable type`);
    let settings: unknown;
    try {
      settings = resolved.definition.parseSettings(resolved.creds, resolved.meta);
    } catch (err) {
      if (err instanceof ZonesmithError) throw new ZonesmithError(err.code, `DNS provider "${name}" (${resolved.definition.type}): ${err.message}`, { cause: err });
      throw err;
    }
    const instance = resolved.definition.create(settings, this.env);
    const limit = Math.min(this.concurrency, resolved.definition.maxConcurrency ?? this.concurrency);
    const lp = { resolved, instance, limiter: createLimiter(limit) };
    this.live.set(name, lp);
    return lp;
  }

  /** Closes every instance that was created; errors on close are collected, not thrown one by one. */
  async close(): Promise<void> {
    const results = await Promise.allSettled([...this.live.values()].map((lp) => lp.instance.close?.()));
    this.live.clear();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
