import type { RawConfig, RawDomain, RawPositioned, RawProvider, RawRecord } from './raw-types.js';
import type { DomainDraft, ProviderDraft, RecordDraft } from './draft.js';
import type { Pos } from './pos.js';
import { state } from './state.js';

type Positioned = { -readonly [K in keyof RawPositioned]: RawPositioned[K] };

/** Sets `pos` (captured bundle coordinates) or `site` (a call site the loader numbered) on `out`. */
function place<T extends object>(out: T, pos: Pos | undefined): T & RawPositioned {
  const o = out as T & Positioned;
  if (typeof pos === 'number') o.site = pos;
  else if (pos) o.pos = pos;
  return o;
}

/** Whether `o` has an own enumerable key (what JSON.stringify would write), without listing them. */
function hasKeys(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

// Written out field by field (no spreads): collect() runs once per record of large configs. An
// empty meta is left out (RawRecord.meta says why).
function record(r: RecordDraft): RawRecord {
  const meta = hasKeys(r.meta) ? r.meta : undefined;
  const out: { -readonly [K in keyof RawRecord]: RawRecord[K] } =
    r.ttl === undefined
      ? meta === undefined ? { type: r.type, label: r.label, args: r.args } : { type: r.type, label: r.label, args: r.args, meta }
      : meta === undefined ? { type: r.type, label: r.label, args: r.args, ttl: r.ttl } : { type: r.type, label: r.label, args: r.args, ttl: r.ttl, meta };
  if (r.allowRepeatedDomain) out.allowRepeatedDomain = true;
  return place(out, r.pos);
}

function provider(p: ProviderDraft): RawProvider {
  return place({ name: p.name, type: p.type, meta: p.meta }, p.pos);
}

/** One domain as the RawConfig holds it. */
export function rawDomain(d: DomainDraft): RawDomain {
  return place(
    {
      name: d.name,
      registrar: d.registrar,
      dnsProviders: [...d.dnsProviders].map(([name, p]) => place({ name, nsCount: p.nsCount }, p.pos)),
      records: d.records.map(record),
      absent: d.absent.map(record),
      nameservers: d.nameservers.map((n) => place({ name: n.name }, n.pos)),
      ...(d.nameserverTtl === undefined ? {} : { nameserverTtl: d.nameserverTtl }),
      ...(d.defaultTtl === undefined ? {} : { defaultTtl: d.defaultTtl }),
      noPurge: d.noPurge,
      ignores: d.ignores.map((i) => place({ label: i.label, types: i.types, target: i.target }, i.pos)),
      ...(d.ignoreExternalDns ? { ignoreExternalDns: d.ignoreExternalDns } : {}),
      disableIgnoreSafetyCheck: d.disableIgnoreSafetyCheck,
      ...(d.autoDnssec ? { autoDnssec: d.autoDnssec } : {}),
      meta: d.meta,
      ...(d.safety ? { safety: d.safety } : {}),
    },
    d.pos,
  );
}

/** The declarations as the RawConfig holds them. */
export function rawProviders(): Pick<RawConfig, 'registrars' | 'dnsProviders'> {
  return { registrars: state.registrars.map(provider), dnsProviders: state.dnsProviders.map(provider) };
}

/** Everything recorded so far as a RawConfig (plain data, ready for JSON). */
export function collectConfig(): RawConfig {
  return {
    registrars: state.registrars.map(provider),
    dnsProviders: state.dnsProviders.map(provider),
    domains: state.domains.map(rawDomain),
  };
}
