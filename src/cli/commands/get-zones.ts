import type { Command } from 'commander';
import type { Output } from '../output.js';
import type { SetExit } from './index.js';

/** The flags of `zonesmith get-zones`. */
export interface GetZonesFlags {
  creds: string;
  format: string;
  out?: string;
}

/**
 * `zonesmith get-zones credkey zone...|all`: reads zones straight from a provider (no config needed)
 * and writes a first-draft dnsconfig (typed or global form), zone files, or JSON; DNSControl's
 * command, whose legacy second argument (the provider type) is accepted and ignored.
 */
export function registerGetZones(program: Command, output: Output, setExit: SetExit): void {
  program
    .command('get-zones')
    .alias('get-zone')
    .description('read zones from a provider and write a first-draft dnsconfig.ts, zone files or JSON')
    .argument('<credkey>', 'the creds.json entry of the provider')
    .argument('<zones...>', 'zone names, or "all"')
    .option('--creds <file>', 'credentials file, or !command', 'creds.json')
    .option('--format <format>', 'ts (typed dnsconfig.ts), js (DNSControl global form), zone or json', 'ts')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (credkey: string, zoneArgs: string[], flags: GetZonesFlags) =>
      (await import('../actions/get-zones.js')).getZonesAction(credkey, zoneArgs, flags, output, setExit),
    );
}
