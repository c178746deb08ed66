import { ConfigError } from '../errors.js';
import { hasErrors } from '../ir/diagnostic.js';
import type { IrConfig, IrDomain } from '../ir/types.js';
import type { ResolvedProvider } from '../provider/resolve.js';
import type { ProviderEnv } from '../provider/types.js';
import type { ZoneWork } from '../reconcile/gather.js';
import { previewConfig, type PreviewResult } from '../reconcile/preview.js';
import { checkRecordVersions, VersionedSession } from './record-version.js';
import { pickDomains, type Shard } from './shard.js';

/** What a GitOps command plans. */
export interface RunPreviewOptions {
  /** `--domains` patterns. */
  readonly domains?: string;
  /** Exactly these domains (unique names), instead of `domains`/`shard`: a saved plan's zones. */
  readonly exactDomains?: readonly IrDomain[];
  /** `--providers` spec. */
  readonly providers?: string;
  readonly shard?: Shard;
  readonly concurrency: number;
  readonly force: boolean;
  /** Handed to every provider instance (log lines, the config's directory). */
  readonly env: ProviderEnv;
  readonly onZone?: (work: ZoneWork) => void;
}

/** A preview with the session it read through (push applies through the same instances). */
export interface PreviewRun extends PreviewResult {
  readonly session: VersionedSession;
  /** The domains that were planned. */
  readonly domains: readonly IrDomain[];
}

/**
 * Plans the selected zones the way every GitOps command does: RECORD_VERSION() checked, `--domains`
 * and `--shard` applied, version records hidden from the diff. The caller closes `session`.
 */
export async function runPreview(ir: IrConfig, providers: ReadonlyMap<string, ResolvedProvider>, opts: RunPreviewOptions): Promise<PreviewRun> {
  const versionProblems = checkRecordVersions(ir);
  if (hasErrors(versionProblems)) throw new ConfigError(versionProblems, 'RECORD_VERSION() is used wrongly');
  const domains =
    opts.exactDomains ??
    pickDomains(ir, {
      ...(opts.domains !== undefined ? { domains: opts.domains } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
    });
  const session = new VersionedSession(providers, opts.env, opts.concurrency);
  try {
    const result = await previewConfig({ ...ir, domains }, providers, session, {
      ...(opts.providers !== undefined ? { providers: opts.providers } : {}),
      concurrency: opts.concurrency,
      force: opts.force,
      ...(opts.onZone ? { onZone: opts.onZone } : {}),
    });
    return { ...result, session, domains };
  } catch (err) {
    await session.close().catch(() => undefined);
    throw err;
  }
}
