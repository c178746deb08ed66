import { writeFile } from 'node:fs/promises';
import { formatZone } from '../../../providers/bind/zonefile-writer.js';
import { PROVIDERS } from '../../../providers/index.js';
import { loadCreds } from '../../creds/load.js';
import { ZonesmithError } from '../../errors.js';
import { writeDslConfig, type ExportZone } from '../../export/dsl-writer.js';
import { findDefinition } from '../../provider/lookup.js';
import type { ProviderInstance, ZoneRef } from '../../provider/types.js';
import type { DnsRecord } from '../../records/types.js';
import type { GetZonesFlags } from '../commands/get-zones.js';
import type { SetExit } from '../commands/index.js';
import type { Output } from '../output.js';

type Format = 'ts' | 'js' | 'zone' | 'json';

/** `zonesmith get-zones credkey zone...|all`: reads the zones from the provider and writes them out. */
export async function getZonesAction(credkey: string, zoneArgs: string[], flags: GetZonesFlags, output: Output, setExit: SetExit): Promise<void> {
  const format = parseFormat(flags.format);
  const creds = loadCreds({ spec: flags.creds, env: process.env, cwd: process.cwd() });
  const entry = creds[credkey];
  if (!entry?.['TYPE']) throw new ZonesmithError('creds-missing-entry', `creds.json has no entry "${credkey}" with a TYPE`);
  const found = findDefinition(PROVIDERS, entry['TYPE']);
  if (!found) throw new ZonesmithError('provider-unknown-type', `creds.json entry "${credkey}" has type ${entry['TYPE']}, which zonesmith does not know`);
  const definition = await found.load();
  const { TYPE: _t, ...settingsCreds } = entry;
  const instance = definition.create(definition.parseSettings(settingsCreds, {}), { log: (l) => output.err(l), configDir: process.cwd() });
  try {
    // DNSControl's legacy form `get-zones credkey PROVIDERTYPE zone...` carries the type second.
    const names = zoneArgs.filter((z, i) => !(i === 0 && zoneArgs.length > 1 && (z === '-' || z.toUpperCase() === definition.type)));
    const zones = await readZones(instance, names);
    const text = render(zones, format, credkey);
    if (flags.out) await writeFile(flags.out, text);
    else output.out(text);
    setExit(0);
  } finally {
    await instance.close?.();
  }
}

function parseFormat(f: string): Format {
  if (f === 'ts' || f === 'js' || f === 'zone' || f === 'json') return f;
  if (f === 'djs') return 'js';
  throw new ZonesmithError('get-zones-format', `--format must be ts, js, zone or json, not "${f}"`);
}

async function readZones(instance: ProviderInstance, names: readonly string[]): Promise<ExportZone[]> {
  let wanted = names.map((n) => n.toLowerCase().replace(/\.$/, ''));
  if (wanted.length === 1 && wanted[0] === 'all') {
    if (!instance.listZones) throw new ZonesmithError('get-zones-all', 'this provider cannot list its zones; name them');
    wanted = (await instance.listZones()).sort();
  }
  const out: ExportZone[] = [];
  for (const name of wanted) {
    const ref: ZoneRef = { name, meta: {} };
    const records = await instance.getRecords(ref);
    if (records === null) throw new ZonesmithError('zone-not-found', `zone ${name} does not exist at this provider`);
    const providerNameservers = instance.nameservers ? await instance.nameservers(ref) : [];
    out.push({ name, records, providerNameservers });
  }
  return out;
}

function render(zones: readonly ExportZone[], format: Format, credkey: string): string {
  if (format === 'ts' || format === 'js') return writeDslConfig(zones, { form: format, credsKey: credkey });
  if (format === 'zone') return zones.map((z) => formatZone(z.records, { zone: z.name })).join('\n');
  const plain = (r: DnsRecord) => ({ name: r.name, type: r.type, ttl: r.ttl, rdata: r.rdata, ...(r.meta ? { meta: r.meta } : {}) });
  return `${JSON.stringify(zones.map((z) => ({ name: z.name, records: z.records.map(plain) })), null, 2)}\n`;
}
