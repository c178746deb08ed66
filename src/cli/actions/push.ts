import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { renderAudit } from '../../gitops/audit.js';
import { pushIdentity } from '../../gitops/commit.js';
import { usesRecordVersion, withVersionRecord } from '../../gitops/record-version.js';
import { checkSavedPlan, readSavedPlan, savedTargets, staleMessage } from '../../gitops/saved-plan.js';
import { overrideTargets } from '../../gitops/verify/servers.js';
import { renderVerify, verifyPush, type ServerVerdict } from '../../gitops/verify/verify.js';
import { ZonesmithError } from '../../errors.js';
import { assemblePlan } from '../../plan/build.js';
import { renderPushText } from '../../plan/render/text.js';
import type { IrDomain } from '../../ir/types.js';
import type { Plan } from '../../plan/types.js';
import type { ZoneWork } from '../../reconcile/gather.js';
import { pushWork } from '../../reconcile/push.js';
import type { SetExit } from '../commands/index.js';
import type { PushFlags } from '../commands/push.js';
import type { Output } from '../output.js';
import { planRun } from '../plan-run.js';
import { openReconcile } from '../reconcile-context.js';

/** `zonesmith push`: plan (or check a saved plan), apply, optionally verify; exit 1 on any failure. */
export async function pushAction(flags: PushFlags, output: Output, setExit: SetExit): Promise<void> {
  if (flags.plan && (flags.domains || flags.providers || flags.shard)) {
    throw new ZonesmithError('plan-flags', '--plan applies the zones of the saved plan; it cannot be combined with --domains, --providers or --shard');
  }
  const ctx = await openReconcile(flags, output);
  try {
    const identity = pushIdentity({ ...(flags.commit !== undefined ? { commit: flags.commit } : {}), dir: dirname(resolve(ctx.configPath)), env: process.env });
    let exact: { domains: readonly IrDomain[]; providers: string } | undefined;
    let saved: Plan | undefined;
    let targets: ReturnType<typeof savedTargets> | undefined;
    if (flags.plan) {
      saved = await readSavedPlan(flags.plan);
      targets = savedTargets(saved, ctx.ir, new Set(ctx.providers.keys()));
      exact = { domains: targets.domains, providers: targets.providers };
    }
    const run = await planRun(ctx, flags, output, exact);
    try {
      let work: readonly ZoneWork[] = run.work;
      if (saved && targets) {
        const check = checkSavedPlan(saved, run.work, targets.missing);
        if (check.stale.length > 0) throw new ZonesmithError('plan-stale', staleMessage(check.stale));
        work = check.work;
        output.err(`The saved plan ${saved.checksum} still holds for ${work.length} zone${work.length === 1 ? '' : 's'}; pushing it.`);
      }
      const pushes = (w: ZoneWork) => !w.plan.error && !w.plan.safety.blocked && (w.plan.changes.length > 0 || !w.plan.exists);
      if (identity.commit === undefined && work.some((w) => pushes(w) && usesRecordVersion(w))) {
        throw new ZonesmithError('commit-unknown', 'RECORD_VERSION() needs the commit being pushed: pass --commit, or run inside the git checkout (or with GITHUB_SHA / CI_COMMIT_SHA set); nothing was pushed');
      }
      const items = identity.commit === undefined ? work : work.map((w) => withVersionRecord(w, identity.commit!, run.session));
      const results = await pushWork(items, {
        concurrency: flags.cmax ?? flags.concurrency,
        log: (line) => output.err(line),
        onResult: (r) => {
          if (!output.interactive && r.status !== 'skipped') output.err(`${r.domain} (${r.provider}): ${r.status}, ${r.applied.length} applied`);
        },
      });
      const plan = assemblePlan(items.map((w) => w.plan));
      output.out(renderPushText(plan, results, { color: output.color }));
      let verdicts: ServerVerdict[] | undefined;
      if (flags.verify) {
        const servers = flags.verifyServer.length > 0 ? await overrideTargets(flags.verifyServer) : undefined;
        verdicts = await verifyPush(
          items.map((w, i) => ({ work: w, result: results[i]! })),
          { timeoutMs: flags.verifyTimeout * 1000, intervalMs: flags.verifyInterval * 1000, queryTimeoutMs: 3000, ...(servers ? { servers } : {}) },
        );
        output.out(renderVerify(verdicts));
      }
      if (flags.report) {
        const stamp = { ...(identity.commit !== undefined ? { commit: identity.commit } : {}), ...(identity.actor !== undefined ? { actor: identity.actor } : {}), time: new Date().toISOString() };
        await writeFile(flags.report, renderAudit(plan, results, stamp, verdicts));
      }
      const failed = results.some((r) => r.status === 'failed' || r.status === 'partial' || (r.status === 'skipped' && r.error));
      const unverified = verdicts?.some((v) => v.status !== 'ok') ?? false;
      setExit(failed || unverified ? 1 : 0);
    } finally {
      await run.session.close();
    }
  } finally {
    await ctx.close();
  }
}
