/**
 * The RFC2136 provider (DNSControl's AXFRDDNS): any standard authoritative server, read by AXFR,
 * written by TSIG-signed DNS UPDATE in as few messages as fit 64 KiB, verified by AXFR afterwards.
 */
import type { ProviderDefinition } from '../../src/provider/types.js';
import { RFC2136_CAPABILITIES } from './capabilities.js';
import { createRfc2136Instance } from './provider.js';
import { parseSettings, type Rfc2136Settings } from './settings.js';

/** The provider definition for the registry (providers/index.ts). */
export const rfc2136Provider: ProviderDefinition<Rfc2136Settings> = {
  type: 'RFC2136',
  aliases: ['AXFRDDNS'],
  capabilities: RFC2136_CAPABILITIES,
  granularity: 'record',
  parseSettings,
  create: (settings, env) => createRfc2136Instance(settings, env),
};

export { createRfc2136Instance, type Rfc2136Instance, type Rfc2136Options, type ApplyStats } from './provider.js';
export { parseSettings, type Rfc2136Settings } from './settings.js';
