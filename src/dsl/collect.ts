import type { RawConfig, RawDomain, RawRecord } from './raw-types.js';
import type { DomainDraft, RecordDraft } from './draft.js';
import { state } from './state.js';

// Written out field by field (no spreads): collect() runs once per record of large configs.
function record(r: RecordDraft): RawRecord {
  const out: { -readonly [K in keyof RawRecord]: RawRecord[K] } =
    r.ttl === undefined
      ? { type: r.type, label: r.label, args: r.args, meta: r.meta }
      : { type: r.type, label: r.label, args: r.args, ttl: r.ttl, meta: r.meta };
  if (r.allowRepeatedDomain) out.allowRepeatedDomain = true;
  if (r.pos) out.pos = r.pos;
  return out;
}

function domain(d: DomainDraft): RawDomain {
  return {
    name: d.name,
    registrar: d.registrar,
    dnsProviders: [...d.dnsProviders].map(([name, p]) => ({ name, nsCount: p.nsCount, ...(p.pos ? { pos: p.pos } : {}) })),
    records: d.records.map(record),
    absent: d.absent.map(record),
    nameservers: d.nameservers.map((n) => ({ name: n.name, ...(n.pos ? { pos: n.pos } : {}) })),
    ...(d.nameserverTtl === undefined ? {} : { nameserverTtl: d.nameserverTtl }),
    ...(d.defaultTtl === undefined ? {} : { defaultTtl: d.defaultTtl }),
    noPurge: d.noPurge,
    ignores: d.ignores.map((i) => ({ label: i.label, types: i.types, target: i.target, ...(i.pos ? { pos: i.pos } : {}) })),
    ...(d.ignoreExternalDns ? { ignoreExternalDns: d.ignoreExternalDns } : {}),
    disableIgnoreSafetyCheck: d.disableIgnoreSafetyCheck,
    ...(d.autoDnssec ? { autoDnssec: d.autoDnssec } : {}),
    meta: d.meta,
    ...(d.safety ? { safety: d.safety } : {}),
    ...(d.pos ? { pos: d.pos } : {}),
  };
}

/** Everything recorded so far as a RawConfig (plain data, ready for JSON). */
export function collectConfig(): RawConfig {
  return {
    registrars: state.registrars.map((p) => ({ ...p })),
    dnsProviders: state.dnsProviders.map((p) => ({ ...p })),
    domains: state.domains.map(domain),
  };
}
