/**
 * The conformance suite every provider runs (DNSControl's integration test, as data): each step is
 * a complete desired state; it is planned and pushed through the same code the CLI uses, then
 * planned again, and the second plan must be empty. Providers add one small test file that calls
 * {@link describeConformance} with a {@link ConformanceTarget}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IrDomain, IrIgnoreRule } from '../../src/ir/types.js';
import { totalChanges } from '../../src/plan/build.js';
import type { ResolvedProvider } from '../../src/provider/resolve.js';
import type { ProviderDefinition } from '../../src/provider/types.js';
import { gatherZone, type ZoneWork } from '../../src/reconcile/gather.js';
import { domainNameservers } from '../../src/reconcile/nameservers.js';
import { pushWork } from '../../src/reconcile/push.js';
import { ProviderSession } from '../../src/reconcile/session.js';
import { rdataFromArgs } from '../../src/records/registry.js';
import type { DnsRecord } from '../../src/records/types.js';
import { readDnscontrolCases, type CaseGroup, type CaseRecord, type CaseStep } from './cases.js';
import { ownCases } from './own-cases.js';

/** A provider under test and how to reach a fresh test zone. */
export interface ConformanceTarget {
  /** Provider TYPE as the case filters name it (`BIND`, `AXFRDDNS`, `ROUTE53`, `GCLOUD`, `CLOUDFLAREAPI`). */
  readonly caseType: string;
  readonly definition: ProviderDefinition;
  /** Starts what the provider talks to (a server, a local API) once per test file. */
  setup(): Promise<ConformanceEnv>;
  /** Groups to skip, with the reason printed in the test name. */
  readonly skip?: Readonly<Record<string, string>>;
}

/** A ready test zone. */
export interface ConformanceEnv {
  /** The test zone (ASCII, no trailing dot). */
  readonly zone: string;
  /** The provider's creds.json entry (without TYPE). */
  readonly creds: Readonly<Record<string, string>>;
  /** NewDnsProvider metadata. */
  readonly meta?: Readonly<Record<string, unknown>>;
  /** Domain metadata (R53_ZONE and the like). */
  readonly domainMeta?: Readonly<Record<string, string>>;
  /** An independent look at the zone after each push (dig AXFR, named-checkzone, the API server's state). */
  crossCheck?(records: readonly DnsRecord[]): Promise<void>;
  /** Stops servers and removes files. */
  teardown(): Promise<void>;
}

const DNSCONTROL_CAPABILITY: Readonly<Record<string, string>> = {
  CanUseCAA: 'CAA', CanUseNAPTR: 'NAPTR', CanUsePTR: 'PTR', CanUseSOA: 'SOA', CanUseSRV: 'SRV', CanUseSSHFP: 'SSHFP',
  CanUseTLSA: 'TLSA', CanUseOPENPGPKEY: 'OPENPGPKEY', CanUseDS: 'DS', CanUseLOC: 'LOC', CanUseHTTPS: 'HTTPS', CanUseSVCB: 'SVCB',
  CanUseDNAME: 'DNAME', CanUseDHCID: 'DHCID', CanUseDNSKEY: 'DNSKEY', CanUseRP: 'RP', CanUseSMIMEA: 'SMIMEA', CanUseAlias: 'ALIAS',
};

/** Why a group does not apply to a provider, or undefined when it does. */
export function groupSkipReason(group: CaseGroup, target: ConformanceTarget): string | undefined {
  if (group.unusable) return group.unusable;
  const f = group.filters;
  if (f.only.length > 0 && !f.only.includes(target.caseType)) return `only for ${f.only.join(', ')}`;
  if (f.not.includes(target.caseType)) return `not for ${target.caseType}`;
  const caps = target.definition.capabilities.records;
  const childDs = Boolean(target.definition.capabilities.features.dsForChildren?.can);
  for (const cap of f.requires) {
    if (cap === 'CanUseDSForChildren' && (childDs || caps['DS']?.can)) continue;
    const type = DNSCONTROL_CAPABILITY[cap];
    if (!type || !caps[type]?.can) return `needs ${cap}`;
  }
  const records = group.steps.flatMap((s) => s.records);
  for (const r of records) {
    if (['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'].includes(r.type) || caps[r.type]?.can) continue;
    if (r.type === 'DS' && r.label !== '@' && childDs) continue;
    return `provider cannot hold ${r.type}`;
  }
  return target.skip?.[group.id];
}

/** Registers the whole suite for one provider. */
export function describeConformance(target: ConformanceTarget, opts: { groups?: readonly string[] } = {}): void {
  const groups = [...readDnscontrolCases(), ...ownCases()].filter((g) => !opts.groups || opts.groups.includes(g.id));
  describe(`conformance: ${target.definition.type}`, () => {
    let env: ConformanceEnv;
    let session: ProviderSession;
    beforeAll(async () => {
      env = await target.setup();
      const resolved: ResolvedProvider = { name: 'target', definition: target.definition, creds: env.creds, meta: env.meta ?? {}, excludeFromDefaults: false };
      session = new ProviderSession(new Map([['target', resolved]]), { log: () => undefined, configDir: process.cwd() }, 1);
    });
    afterAll(async () => {
      await session?.close();
      await env?.teardown();
    });
    for (const group of groups) {
      const reason = groupSkipReason(group, target);
      const title = `${group.id} · ${group.name}`;
      if (reason) {
        it.skip(`${title} (${reason})`, () => undefined);
        continue;
      }
      it(title, async () => {
        // Every group starts from an empty zone, as DNSControl's harness does.
        for (const step of [EMPTY, ...group.steps]) await runStep(step, env, session);
      });
    }
  });
}

const EMPTY: CaseStep = { name: 'Clean Slate', records: [], expectNoChanges: false, unsafeIgnore: false };
const DUMMY_NS_IGNORE: IrIgnoreRule = { label: 'dummy-ns', types: 'A', target: '*' };

async function runStep(step: CaseStep, env: ConformanceEnv, session: ProviderSession): Promise<void> {
  const domain = stepDomain(step, env);
  const live = session.get('target');
  const nameservers = await domainNameservers(domain, session);
  const first = await gatherZone(domain, live, nameservers, { force: true });
  expectPlanned(first, step, 'first plan');
  const changes = totalChanges({ version: 1, zones: [first.plan], checksum: '' });
  if (step.expectNoChanges) expect(changes, `${step.name}: expected no changes`).toBe(0);
  else if (step.records.length > 0 && step !== EMPTY) expect(changes, `${step.name}: expected changes`).toBeGreaterThan(0);
  const [result] = await pushWork([first], { concurrency: 1, log: () => undefined });
  if (changes > 0 || !first.plan.exists) expect(result?.error, `${step.name}: push failed`).toBeUndefined();
  const second = await gatherZone(domain, live, nameservers, { force: true });
  expectPlanned(second, step, 'second plan');
  const left = second.plan.changes.flatMap((c) => c.details.map((d) => `${d.kind} ${'after' in d ? `${d.after.name} ${d.after.type} ${d.after.rdata} ttl=${d.after.ttl}` : ''} ${'before' in d ? `(was ${d.before.name} ${d.before.type} ${d.before.rdata} ttl=${d.before.ttl})` : ''}`));
  expect(left, `${step.name}: the second plan must be empty`).toEqual([]);
  const now = second.existing ?? [];
  for (const r of step.expectPresent ?? []) expect(has(now, toRecord(r, env.zone)), `${step.name}: ${r.type} ${r.label} must still exist`).toBe(true);
  for (const r of step.expectAbsent ?? []) expect(has(now, toRecord(r, env.zone)), `${step.name}: ${r.type} ${r.label} must be gone`).toBe(false);
  await env.crossCheck?.(now);
}

function expectPlanned(w: ZoneWork, step: CaseStep, what: string): void {
  expect(w.plan.error, `${step.name}: ${what} has an error`).toBeUndefined();
}

function has(records: readonly DnsRecord[], r: DnsRecord): boolean {
  return records.some((x) => x.name === r.name && x.type === r.type && x.rdata === r.rdata);
}

function stepDomain(step: CaseStep, env: ConformanceEnv): IrDomain {
  const ignores: IrIgnoreRule[] = [DUMMY_NS_IGNORE, ...(step.ignores ?? [])];
  return {
    name: env.zone, unicodeName: env.zone, tag: '', uniqueName: env.zone, registrar: 'none',
    dnsProviders: [{ name: 'target', nameserverCount: -1 }], nameservers: [], nameserverTtl: 300,
    records: step.records.map((r) => toRecord(r, env.zone)),
    absent: (step.absent ?? []).map((r) => toRecord(r, env.zone)),
    handsOff: { purge: !step.noPurge, ignores, disableIgnoreSafetyCheck: step.unsafeIgnore, ...(step.externalDns !== undefined ? { externalDnsPrefix: step.externalDns } : {}) },
    meta: env.domainMeta ?? {},
  };
}

/** A case record as a canonical DnsRecord in the test zone. */
export function toRecord(r: CaseRecord, zone: string): DnsRecord {
  const args = r.args.map((a) => (typeof a === 'string' ? a.replaceAll('**current-domain**', zone) : a));
  const name = r.label === '@' ? zone : `${r.label}.${zone}`;
  return { name: name.toLowerCase(), type: r.type, ttl: r.ttl, rdata: rdataFromArgs(r.type, args, { zone }) };
}
