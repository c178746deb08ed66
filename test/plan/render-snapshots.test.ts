import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/types.js';
import { pushResult, skippedPush } from '../../src/plan/push-result.js';
import { renderReport, reportItems } from '../../src/plan/render/report.js';
import { renderText } from '../../src/plan/render/text.js';
import { planToJson } from '../../src/plan/serialize.js';
import type { Plan } from '../../src/plan/types.js';
import { blockedPlan, errorPlan, hostilePlan, largePlan, smallPlan } from './fixtures.js';

const all: [string, () => Plan][] = [
  ['small', smallPlan],
  ['hostile', hostilePlan],
  ['blocked', () => blockedPlan()],
  ['forced', () => blockedPlan(true)],
  ['error', errorPlan],
  ['large', largePlan],
];

describe('snapshots of the text, JSON and report formats', () => {
  it.each(all)('%s: text', async (name, make) => {
    await expect(renderText(make())).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
  });

  it.each(all.filter(([n]) => n !== 'large'))('%s: plan JSON', async (name, make) => {
    await expect(planToJson(make())).toMatchFileSnapshot(`__snapshots__/${name}.plan.json`);
  });

  it.each(all.filter(([n]) => n !== 'large'))('%s: report', async (name, make) => {
    await expect(renderReport(make())).toMatchFileSnapshot(`__snapshots__/${name}.report.json`);
  });
});

describe('the --report file', () => {
  it("has DNSControl's item shape: domain, corrections (= detail lines), correction_details, provider", () => {
    const items = reportItems(smallPlan());
    expect(items.map(({ domain, corrections, correction_details, provider }) => ({ domain, corrections, correction_details, provider }))).toEqual([
      {
        domain: 'example.com',
        corrections: 3,
        correction_details: [
          '± MODIFY example.com MX (10 mail.example.com. ttl=300) -> (20 mx.example.com. ttl=300)',
          '- DELETE old.example.com CNAME foo.example.com. ttl=300',
          '+ CREATE www.example.com A 1.2.3.4 ttl=300',
        ],
        provider: 'r53',
      },
      { domain: 'example.net', corrections: 1, correction_details: ['± MODIFY-TTL example.net TXT ttl=(60->300) "v=spf1 -all"'], provider: 'cloudflare' },
      { domain: 'example.org', corrections: 0, correction_details: [], provider: 'bind' },
    ]);
  });

  it('after push, says per zone what was applied, failed and not applied', () => {
    const plan = smallPlan();
    const [com, net, org] = plan.zones as [Plan['zones'][number], Plan['zones'][number], Plan['zones'][number]];
    const [mx, del] = com.changes as [Change, Change, Change];
    const results = [pushResult(com, { applied: [mx], failed: [del], error: 'Throttling: Rate exceeded' }), pushResult(net, { applied: net.changes }), skippedPush(org)];
    const items = reportItems(plan, results);
    expect(items[0]).toMatchObject({
      status: 'partial',
      applied: ['± MODIFY example.com MX (10 mail.example.com. ttl=300) -> (20 mx.example.com. ttl=300)'],
      failed: ['- DELETE old.example.com CNAME foo.example.com. ttl=300'],
      not_applied: ['+ CREATE www.example.com A 1.2.3.4 ttl=300'],
      error: 'Throttling: Rate exceeded',
    });
    expect(items[1]).toMatchObject({ status: 'applied', failed: [], not_applied: [] });
    expect(items[2]).toMatchObject({ status: 'skipped', applied: [] });
    expect(JSON.parse(renderReport(plan, results))).toEqual(JSON.parse(JSON.stringify(items)));
  });

  it('carries safety blocks and errors', () => {
    expect(reportItems(blockedPlan())[0]).toMatchObject({ blocked: true, blocked_reasons: ['too many deletes: 35.00% is over 30.00% (7/20)', 'the apex NS records would change (the zone delegation)'] });
    expect(reportItems(errorPlan())[1]?.error).toMatch(/^reading the zone failed: HTTP 403/);
  });
});
