import { describe, expect, it } from 'vitest';
import type { IrDomain } from '../../src/ir/types.js';
import { createLimiter, mapLimited } from '../../src/reconcile/limit.js';
import { selectDomains, selectProviders } from '../../src/reconcile/select.js';

function domain(name: string, tag = '', unicodeName = name): IrDomain {
  return {
    name, unicodeName, tag, uniqueName: tag ? `${name}!${tag}` : name, registrar: 'none', dnsProviders: [],
    nameservers: [], nameserverTtl: 300, records: [], absent: [],
    handsOff: { purge: true, ignores: [], disableIgnoreSafetyCheck: false }, meta: {},
  };
}

const all = [domain('example.com'), domain('example.com', 'inside'), domain('1.168.192.in-addr.arpa'), domain('xn--bcher-kva.example', '', 'bücher.example')];

describe('--domains', () => {
  it('selects everything when empty', () => {
    expect(selectDomains(all, undefined)).toHaveLength(4);
  });
  it('matches untagged, tagged, all tags, suffix wildcards and unicode names', () => {
    expect(selectDomains(all, 'example.com').map((d) => d.uniqueName)).toEqual(['example.com']);
    expect(selectDomains(all, 'example.com!inside').map((d) => d.uniqueName)).toEqual(['example.com!inside']);
    expect(selectDomains(all, 'example.com!*').map((d) => d.uniqueName)).toEqual(['example.com', 'example.com!inside']);
    expect(selectDomains(all, '*.in-addr.arpa').map((d) => d.name)).toEqual(['1.168.192.in-addr.arpa']);
    expect(selectDomains(all, 'bücher.example').map((d) => d.name)).toEqual(['xn--bcher-kva.example']);
  });
  it('names patterns that match nothing', () => {
    expect(() => selectDomains(all, 'example.com,nope.org')).toThrow(/"nope.org"/);
  });
});

describe('--providers', () => {
  it('defaults to providers not excluded, "all" includes them, names are checked', () => {
    const names = ['a', 'b', 'c'];
    expect([...selectProviders(names, new Set(['c']), '')]).toEqual(['a', 'b']);
    expect([...selectProviders(names, new Set(['c']), 'all')]).toEqual(['a', 'b', 'c']);
    expect([...selectProviders(names, new Set(), 'c')]).toEqual(['c']);
    expect(() => selectProviders(names, new Set(), 'd')).toThrow(/"d"/);
  });
});

describe('limiter', () => {
  it('never runs more than n tasks at once and keeps result order', async () => {
    let active = 0;
    let peak = 0;
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (v) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, v));
      active--;
      return v * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
  it('propagates failures without blocking the queue', async () => {
    const limiter = createLimiter(1);
    const failed = limiter.run(async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(limiter.run(async () => 7)).resolves.toBe(7);
  });
});
