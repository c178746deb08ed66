/** The RFC2136 provider instance: reads zones by AXFR, writes them by DNS UPDATE, verifies by AXFR. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Change } from '../../src/diff/types.js';
import type { DnsRecord } from '../../src/records/types.js';
import type { ApplyContext, ProviderEnv, ProviderInstance, ZoneRef } from '../../src/provider/types.js';
import { ZonesmithError } from '../../src/errors.js';
import { rfc2136Error } from './errors.js';
import { transferZone } from './axfr.js';
import { isServerManaged, recordFromWire } from './convert.js';
import { UpdatePlanner, groupByRrset } from './update-plan.js';
import { sendUpdates } from './update-send.js';
import { describeDiscrepancies, discrepancyDiagnostics, findDiscrepancies, touchedKeys } from './verify.js';
import { tsigRecordBytes } from './tsig.js';
import { MAX_TCP_MESSAGE, MAX_UDP_MESSAGE } from './wire.js';
import type { Rfc2136Settings } from './settings.js';

/** Pauses before re-reading a separate transfer server that may still lag behind the primary. */
const SECONDARY_WAITS_MS = [250, 500, 1000, 2000, 4000];

/** Test and benchmark hooks; production code passes none. */
export interface Rfc2136Options {
  /** The clock TSIG signs and checks with, in ms (default Date.now); tests skew it. */
  readonly now?: () => number;
}

/** What the last apply() sent: the evidence that its message count is minimal. */
export interface ApplyStats {
  readonly messages: number;
  readonly lowerBound: number;
  readonly payloadBytes: number;
  readonly capacity: number;
  readonly messageBytes: readonly number[];
}

/** A provider instance with the statistics of its last push. */
export interface Rfc2136Instance extends ProviderInstance {
  /** Set by each apply() that sent something. */
  readonly lastApply: ApplyStats | undefined;
  /** Always present: `nameservers` / `default_ns` settings, else the zone's apex NS. */
  nameservers(zone: ZoneRef): Promise<string[]>;
}

/** A zone as read: its records plus what only the provider needs. */
interface ReadZone {
  readonly records: DnsRecord[];
  readonly apexNs: string[];
  readonly dnssec: number;
}

/** Creates an instance for one creds.json entry. */
export function createRfc2136Instance(settings: Rfc2136Settings, env: ProviderEnv, options: Rfc2136Options = {}): Rfc2136Instance {
  const now = options.now ?? Date.now;
  for (const note of settings.notes) env.log(`RFC2136: ${note}`);
  const apexNsCache = new Map<string, string[]>();
  let lastApply: ApplyStats | undefined;

  const transfer = (zone: string) => transferZone({ endpoint: settings.transfer, zone, key: settings.transferKey, now, timeoutMs: settings.timeoutMs });

  const read = async (zone: string): Promise<ReadZone> => {
    const t = await transfer(zone);
    const records: DnsRecord[] = [];
    let dnssec = 0;
    for (const rr of t.records) {
      if (rr.klass !== 1) continue;
      if (isServerManaged(rr.type)) {
        dnssec++;
        continue;
      }
      try {
        records.push(recordFromWire(rr));
      } catch (err) {
        throw rfc2136Error('rfc2136-unreadable-record', { server: settings.transfer.label, zone }, `a type ${rr.type} record at ${rr.owner} could not be read: ${(err as Error).message}`, { cause: err });
      }
    }
    const apex = zone.toLowerCase();
    const apexNs = records.filter((r) => r.name === apex && r.type === 'NS').map((r) => r.rdata);
    apexNsCache.set(apex, apexNs);
    return { records, apexNs, dnssec };
  };

  const instance: Rfc2136Instance = {
    get lastApply() {
      return lastApply;
    },

    async getRecords(zone: ZoneRef): Promise<DnsRecord[]> {
      const z = await read(zone.name);
      if (z.dnssec > 0) env.log(`RFC2136 ${zone.name}: ${z.dnssec} DNSSEC record(s) managed by the server left out`);
      return z.records;
    },

    async nameservers(zone: ZoneRef): Promise<string[]> {
      if (settings.nameservers.length > 0) return [...settings.nameservers];
      const cached = apexNsCache.get(zone.name.toLowerCase());
      if (cached) return [...cached];
      return (await read(zone.name)).apexNs;
    },

    async apply(zone: ZoneRef, changes: readonly Change[], ctx: ApplyContext): Promise<void> {
      if (changes.length === 0) return;
      const tcp = settings.master.mode !== 'udp';
      const planner = new UpdatePlanner(changes, ctx.existing, {
        zone: zone.name,
        maxMessageBytes: tcp ? MAX_TCP_MESSAGE : MAX_UDP_MESSAGE,
        tsigBytes: settings.updateKey ? tsigRecordBytes(settings.updateKey) : 0,
        server: settings.master.label,
      });
      planner.check();
      const sizes: number[] = [];
      const record = (): void => {
        const st = planner.stats();
        lastApply = { messages: st.messages, lowerBound: st.lowerBound, payloadBytes: st.payloadBytes, capacity: st.capacity, messageBytes: [...sizes] };
      };
      try {
        await sendUpdates(
          { next: () => { const m = planner.next(); if (m) sizes.push(m.bytes); return m; } },
          {
            endpoint: settings.master,
            zone: zone.name,
            key: settings.updateKey,
            now,
            timeoutMs: settings.timeoutMs,
            totalChanges: changes.length,
            committed: (m) => ctx.applied(m.changes),
          },
        );
      } catch (err) {
        record();
        if (err instanceof ZonesmithError && err.code === 'rfc2136-zone-changed') throw await explainConflict(err, zone.name, changes, ctx.existing);
        throw err;
      }
      record();
      const st = planner.stats();
      ctx.log(
        `RFC2136 ${settings.master.label} ${zone.name}: ${changes.length} change(s) in ${st.messages} UPDATE message(s) ` +
          `(${st.payloadBytes} octets; lower bound ${st.lowerBound} at ${st.capacity} octets per message)`,
      );
      // The planner guarded every RRset the changes touch: exactly the RRsets to verify.
      await verify(zone.name, planner.guarded, ctx.desired, planner.encoded);
    },
  };

  /** Re-reads the zone after a failed prerequisite and names the RRsets that changed under us. */
  async function explainConflict(err: ZonesmithError, zone: string, changes: readonly Change[], existing: readonly DnsRecord[]): Promise<ZonesmithError> {
    let now: DnsRecord[];
    try {
      now = (await read(zone)).records;
    } catch {
      return err;
    }
    const keys = touchedKeys(changes);
    const before = groupByRrset(existing);
    const after = groupByRrset(now);
    const changed = [...keys].filter((k) => {
      const a = (before.get(k) ?? []).map((r) => r.rdata).sort().join('\n');
      const b = (after.get(k) ?? []).map((r) => r.rdata).sort().join('\n');
      return a !== b;
    });
    if (changed.length === 0) return err;
    const list = changed.slice(0, 10).map((k) => k.replace('/', ' ')).join(', ');
    return new ZonesmithError(err.code, `${err.message}. Changed since the read: ${list}${changed.length > 10 ? ` and ${changed.length - 10} more` : ''}`, { cause: err });
  }

  /** Re-reads the zone and checks every RRset the push touched now matches the desired state. */
  async function verify(zone: string, keys: ReadonlySet<string>, desired: readonly DnsRecord[], encoded: Map<DnsRecord, Uint8Array>): Promise<void> {
    let found = findDiscrepancies(keys, desired, (await transfer(zone)).records, encoded);
    // A separate `transfer-server` is usually a secondary, which gets the new serial only after
    // NOTIFY and its own transfer: give it a few seconds before calling the push incomplete.
    if (settings.transfer.label !== settings.master.label) {
      for (const waitMs of SECONDARY_WAITS_MS) {
        if (found.length === 0) break;
        await sleep(waitMs);
        found = findDiscrepancies(keys, desired, (await transfer(zone)).records, encoded);
      }
    }
    if (found.length === 0) return;
    throw rfc2136Error(
      'rfc2136-not-applied',
      { server: settings.master.label, zone },
      `the server answered NOERROR but did not apply everything (BIND and Knot silently skip a CNAME added beside other data and deletes of the apex NS or SOA): ${describeDiscrepancies(found)}`,
      { diagnostics: discrepancyDiagnostics(zone, found) },
    );
  }

  return instance;
}
