import { describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../src/errors.js';
import { assemblePlan } from '../../src/plan/build.js';
import { planFromJson, planToJson } from '../../src/plan/serialize.js';
import { blockedPlan, errorPlan, hostilePlan, rec, smallPlan, zonePlan } from './fixtures.js';

function code(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof ZonesmithError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
}

describe('planToJson / planFromJson', () => {
  it.each([
    ['small', smallPlan],
    ['hostile', hostilePlan],
    ['blocked', () => blockedPlan()],
    ['forced', () => blockedPlan(true)],
    ['error', errorPlan],
  ])('round-trips the %s plan exactly', (_name, make) => {
    const plan = make();
    const back = planFromJson(planToJson(plan));
    expect(back).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(planToJson(back)).toBe(planToJson(plan));
  });

  it('drops provider-private data and keeps config positions', () => {
    const z = 'n.example';
    const existing = [{ ...rec(z, 'old', 'A', '192.0.2.1'), native: { id: 'cf-123', secretish: 'x' } }];
    const plan = assemblePlan([zonePlan(z, existing, [rec(z, 'www', 'A', '192.0.2.2', 300, 7)])]);
    const json = planToJson(plan);
    expect(json).not.toContain('cf-123');
    expect(json).not.toContain('native');
    const back = planFromJson(json);
    expect(back.zones[0]?.changes.find((c) => c.kind === 'create')?.after[0]?.source).toEqual({ file: 'dnsconfig.ts', line: 7, column: 3 });
  });

  it('refuses a plan whose content was edited after it was checksummed', () => {
    const json = planToJson(smallPlan()).replace('1.2.3.4', '6.6.6.6');
    expect(code(() => planFromJson(json))).toMatch(/^plan-checksum-mismatch: /);
  });

  it('refuses a plan whose checksum was edited', () => {
    const plan = smallPlan();
    const json = planToJson(plan).replace(`"checksum": "${plan.checksum}"`, `"checksum": "${'0'.repeat(64)}"`);
    expect(code(() => planFromJson(json))).toMatch(/^plan-checksum-mismatch: /);
  });

  it.each<[string, (o: Record<string, unknown>) => void, string]>([
    ['a missing zone field', (o) => delete (o.zones as Record<string, unknown>[])[0]?.provider, 'plan-invalid: the saved plan is not valid: plan.zones[0].provider must be a string'],
    ['a bad change kind', (o) => ((o.zones as { changes: { kind: string }[] }[])[0]!.changes[0]!.kind = 'upsert'), 'plan-invalid: the saved plan is not valid: plan.zones[0].changes[0].kind must be one of create, update, delete'],
    ['a negative TTL', (o) => ((o.zones as { changes: { after: { ttl: number }[] }[] }[])[0]!.changes[0]!.after[0]!.ttl = -1), 'plan-invalid: the saved plan is not valid: plan.zones[0].changes[0].after[0].ttl must be a non-negative integer'],
    ['a bad granularity', (o) => ((o.zones as { granularity: string }[])[0]!.granularity = 'batch'), 'plan-invalid: the saved plan is not valid: plan.zones[0].granularity must be one of record, rrset, label, zone'],
    ['another version', (o) => (o.version = 2), 'plan-version: the saved plan has version 2; this zonesmith reads version 1'],
  ])('rejects %s, naming the place', (_what, edit, message) => {
    const o = JSON.parse(planToJson(smallPlan())) as Record<string, unknown>;
    edit(o);
    expect(code(() => planFromJson(JSON.stringify(o)))).toBe(message);
  });

  it('rejects text that is not JSON', () => {
    expect(code(() => planFromJson('{"version":1,'))).toMatch(/^plan-invalid: the saved plan is not JSON: /);
  });
});
