import { sanitize } from '../../plan/render/lines.js';
import type { ZonePushResult } from '../../plan/types.js';
import type { ZoneWork } from '../../reconcile/gather.js';
import { mapLimited } from '../../reconcile/limit.js';
import { compareAnswer, expectations, type RrsetExpectation } from './expect.js';
import { systemLookup, zoneTargets, type AddressLookup } from './servers.js';
import { query, type QueryTarget } from './wire.js';

/** How `push --verify` asks. */
export interface VerifyOptions {
  /** Give up on a server after this long (ms). */
  readonly timeoutMs: number;
  /** Wait between rounds of questions to a server that is not there yet (ms). */
  readonly intervalMs: number;
  /** Wait for one answer (ms). */
  readonly queryTimeoutMs: number;
  /** `--verify-server`: ask these instead of each zone's nameservers. */
  readonly servers?: readonly QueryTarget[];
  readonly resolve?: AddressLookup;
  /** The clock (ms); tests never need it, it exists so the loop has one seam. */
  readonly now?: () => number;
  /** Zone-server checks run at once (default 16): thousands of zones must not open thousands of sockets. */
  readonly parallel?: number;
}

/** The verdict for one zone at one server. */
export interface ServerVerdict {
  readonly domain: string;
  readonly provider: string;
  /** `ns1.example.net. (192.0.2.53)`, or `-` when the zone had no server to ask. */
  readonly server: string;
  /** ok: every touched rrset is served as pushed; mismatch: some still differ at the deadline;
   *  unreachable: no answer at the deadline; no-servers: nothing to ask. */
  readonly status: 'ok' | 'mismatch' | 'unreachable' | 'no-servers';
  /** Rrsets checked. */
  readonly rrsets: number;
  /** Rounds of questions it took. */
  readonly rounds: number;
  /** For failures: the first rrset that differs, or the last error. */
  readonly detail?: string;
  /** Rrsets not checked, and why. */
  readonly skipped: readonly string[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function verifyServer(domain: string, provider: string, target: QueryTarget, checks: readonly RrsetExpectation[], skipped: string[], opts: VerifyOptions): Promise<ServerVerdict> {
  const now = opts.now ?? Date.now;
  const deadline = now() + opts.timeoutMs;
  let pending = [...checks];
  let rounds = 0;
  let detail: string | undefined;
  let unreachable = false;
  for (;;) {
    rounds++;
    const still: RrsetExpectation[] = [];
    let errors = 0;
    detail = undefined;
    for (const exp of pending) {
      try {
        const ans = await query(target, exp.name, exp.typeCode, Math.min(opts.queryTimeoutMs, Math.max(1, deadline - now())));
        const verdict = ans.authoritative ? compareAnswer(exp, ans.answers) : { ok: false as const, why: `${exp.name} ${exp.type}: the answer is not authoritative (rcode ${ans.rcode})` };
        if (!verdict.ok) {
          still.push(exp);
          detail ??= verdict.why;
        }
      } catch (err) {
        errors++;
        still.push(exp);
        detail ??= (err as Error).message;
      }
    }
    pending = still;
    unreachable = pending.length > 0 && errors === pending.length;
    if (pending.length === 0 || now() + opts.intervalMs > deadline) break;
    await sleep(opts.intervalMs);
  }
  const status = pending.length === 0 ? 'ok' : unreachable ? 'unreachable' : 'mismatch';
  return { domain, provider, server: target.label, status, rrsets: checks.length, rounds, ...(detail !== undefined && status !== 'ok' ? { detail } : {}), skipped };
}

/**
 * Asks each authoritative server of each pushed zone (or the `--verify-server` list) for every rrset
 * the push changed, until it serves them exactly as pushed or the timeout passes. Zones that push
 * did not fully apply are not verified (their failure is already reported). Zone-server pairs are
 * checked in parallel (bounded); the questions to one server go one after another. Verdicts come
 * back in the order of `pushed`, then of the servers.
 */
export async function verifyPush(pushed: readonly { readonly work: ZoneWork; readonly result: ZonePushResult }[], opts: VerifyOptions): Promise<ServerVerdict[]> {
  const jobs: (() => Promise<ServerVerdict>)[] = [];
  for (const { work, result } of pushed) {
    if (result.status !== 'applied' || result.applied.length === 0) continue;
    const { checks, skipped } = expectations(work, result);
    let targets: readonly QueryTarget[];
    let problems: string[] = [];
    if (opts.servers && opts.servers.length > 0) targets = opts.servers;
    else ({ targets, problems } = await zoneTargets(work, opts.resolve ?? systemLookup));
    if (targets.length === 0) {
      jobs.push(async () => ({ domain: result.domain, provider: result.provider, server: '-', status: 'no-servers', rrsets: checks.length, rounds: 0, detail: problems.join('; '), skipped }));
      continue;
    }
    for (const p of problems) skipped.push(p);
    for (const t of targets) jobs.push(() => verifyServer(result.domain, result.provider, t, checks, skipped, opts));
  }
  return mapLimited(jobs, opts.parallel ?? 16, (job) => job());
}

/** The result table `push --verify` prints. */
export function renderVerify(verdicts: readonly ServerVerdict[]): string {
  if (verdicts.length === 0) return 'Verify: no zone was changed, nothing to ask.';
  const head = ['ZONE', 'PROVIDER', 'SERVER', 'RESULT', 'DETAIL'];
  const rows = verdicts.map((v) => [v.domain, v.provider, v.server, v.status === 'ok' ? 'ok' : v.status.toUpperCase(), v.status === 'ok' ? `${v.rrsets} rrset${v.rrsets === 1 ? '' : 's'} served as pushed (round ${v.rounds})` : (v.detail ?? '')].map(sanitize));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const failed = verdicts.filter((v) => v.status !== 'ok').length;
  const out = [line(head), ...rows.map(line)];
  const skipped = [...new Set(verdicts.flatMap((v) => v.skipped))];
  for (const s of skipped) out.push(`not checked: ${sanitize(s)}`);
  out.push(failed === 0 ? `Verify: every server serves the pushed records (${verdicts.length} checked).` : `Verify: ${failed} of ${verdicts.length} server checks FAILED.`);
  return out.join('\n');
}
