import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/types.js';
import { assemblePlan } from '../../src/plan/build.js';
import { pushResult, skippedPush } from '../../src/plan/push-result.js';
import { renderPushText, renderText } from '../../src/plan/render/text.js';
import { blockedPlan, errorPlan, hostilePlan, largePlan, rec, smallPlan, zonePlan } from './fixtures.js';

describe('renderText', () => {
  it("prints DNSControl's preview shape", () => {
    expect(renderText(smallPlan())).toBe(
      [
        '******************** Domain: example.com',
        '3 corrections (r53)',
        'INFO#1: 2 records not being deleted because of IGNORE*():',
        '    TXT("_acme-challenge.example.com.", "xyz"),',
        '    A("dyn.example.com.", "10.0.0.1"),',
        '#1: ± MODIFY example.com MX (10 mail.example.com. ttl=300) -> (20 mx.example.com. ttl=300)',
        '#2: - DELETE old.example.com CNAME foo.example.com. ttl=300',
        '#3: + CREATE www.example.com A 1.2.3.4 ttl=300',
        '******************** Domain: example.net',
        '1 correction (cloudflare)',
        '#1: ± MODIFY-TTL example.net TXT ttl=(60->300) "v=spf1 -all"',
        '******************** Domain: example.org',
        'Done. 4 corrections.',
        '',
      ].join('\n'),
    );
  });

  it('--full prints zero-correction lines', () => {
    expect(renderText(smallPlan(), { full: true })).toContain('******************** Domain: example.org\n0 corrections (bind)\n');
  });

  it('lists at most reportMax kept records, then says how many more', () => {
    const z = 'k.example';
    const existing = Array.from({ length: 8 }, (_, i) => rec(z, `dyn${i}`, 'A', `192.0.2.${i}`));
    const plan = assemblePlan([zonePlan(z, existing, [], { handsOff: { purge: false, ignores: [], disableIgnoreSafetyCheck: false } })]);
    const lines = renderText(plan, { reportMax: 2 }).split('\n');
    expect(lines.slice(1, 5)).toEqual([
      'INFO#1: 8 records not being deleted because of NO_PURGE:',
      '    A("dyn0.k.example.", "192.0.2.0"),',
      '    A("dyn1.k.example.", "192.0.2.1"),',
      '    ...and 6 more... (use --full to show all)',
    ]);
    expect(renderText(plan, { full: true }).split('\n').filter((l) => l.startsWith('    A(')).length).toBe(8);
  });

  it('puts a whole-zone rewrite into one correction', () => {
    const out = renderText(largePlan());
    expect(out.match(/^#\d+:/gm)).toEqual(['#1:', '#1:', '#1:']);
    expect(out).toContain('1500 corrections (bind)');
  });

  it('colours CREATE green, DELETE red and MODIFY yellow only when asked', () => {
    const plain = renderText(smallPlan());
    expect(plain).not.toContain('\u001b');
    const color = renderText(smallPlan(), { color: true });
    expect(color).toContain('#3: \u001b[32m+ CREATE www.example.com A 1.2.3.4 ttl=300\u001b[0m');
    expect(color).toContain('#2: \u001b[31m- DELETE old.example.com');
    expect(color).toContain('#1: \u001b[33m± MODIFY example.com MX');
    expect(color.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('shows safety blocks and overrides', () => {
    expect(renderText(blockedPlan())).toContain(
      'BLOCKED by the safety rails: too many deletes: 35.00% is over 30.00% (7/20); the apex NS records would change (the zone delegation) (use --force to push anyway)',
    );
    expect(renderText(blockedPlan(true))).toContain('SAFETY OVERRIDDEN by --force: too many deletes');
  });

  it('shows zones that could not be read, line by line', () => {
    expect(renderText(errorPlan())).toContain(
      '******************** Domain: broken.example\nERROR: reading the zone failed: HTTP 403 Forbidden\n       {"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}\n',
    );
  });

  it('never lets record data drive the terminal', () => {
    const out = renderText(hostilePlan());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('"raw\\010newline | and \\027[2J clear \\u{202e} rtl"');
  });

  it('shows IDN zones with their Unicode name', () => {
    const plan = assemblePlan([zonePlan('xn--bcher-kva.example', [], [rec('xn--bcher-kva.example', 'www', 'A', '192.0.2.1')], { unicodeName: 'bücher.example' })]);
    expect(renderText(plan).split('\n')[0]).toBe('******************** Domain: xn--bcher-kva.example (bücher.example)');
  });
});

describe('renderPushText', () => {
  const Z = 'push.example';
  const zone = zonePlan(Z, [rec(Z, 'old', 'A', '192.0.2.9')], [rec(Z, 'a', 'A', '192.0.2.1'), rec(Z, 'b', 'A', '192.0.2.2')], { granularity: 'record' });
  const [c1, c2] = zone.changes as [Change, Change, Change];
  const plan = assemblePlan([zone]);

  it('follows each correction with SUCCESS!', () => {
    const out = renderPushText(plan, [pushResult(zone, { applied: zone.changes })]);
    expect(out.split('\n').filter((l) => l === 'SUCCESS!')).toHaveLength(3);
    expect(out).not.toContain('not applied');
  });

  it('says exactly what failed and what was not applied', () => {
    const out = renderPushText(plan, [pushResult(zone, { applied: [c1], failed: [c2], error: 'HTTP 400: bad' })]);
    expect(out.split('\n')).toEqual([
      '******************** Domain: push.example',
      '3 corrections (r53)',
      '#1: + CREATE a.push.example A 192.0.2.1 ttl=300',
      'SUCCESS!',
      '#2: + CREATE b.push.example A 192.0.2.2 ttl=300',
      'FAILURE! HTTP 400: bad',
      '#3: - DELETE old.push.example A 192.0.2.9 ttl=300',
      'NOT APPLIED',
      'Applied 1 of 3 changes; 2 not applied.',
      'Done. 3 corrections.',
      '',
    ]);
  });

  it('blocked zones say nothing was applied', () => {
    const b = blockedPlan();
    const out = renderPushText(b, [skippedPush(b.zones[0]!, 'blocked')]);
    expect(out).toContain('(use --force to push anyway)\nNothing was applied in this zone.\n');
    expect(out).not.toContain('SUCCESS!');
  });
});
