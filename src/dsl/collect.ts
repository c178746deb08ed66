import type { RawConfig, RawDomain, RawRecord } from './raw-types.js';
import type { DomainDraft, RecordDraft } from './draft.js';
import { state } from './state.js';

function record(r: RecordDraft): RawRecord {
  return {
    type: r.type,
    label: r.label,
    args: r.args,
    ...(r.ttl === undefined ? {} : { ttl: r.ttl }),
    meta: r.meta,
    ...(r.allowRepeatedDomain ? { allowRepeatedDomain: true } : {}),
    ...(r.pos ? { pos: r.pos } : {}),
  };
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
