/**
 * The explicit provider registry: every provider type zonesmith knows, listed here and nowhere else
 * (no registration by import side effects). It sits above providers/ and src/provider/ so the
 * dependency arrows only point down. Entries carry only capabilities (plain data); each provider's
 * code and SDK load on first use, so a run pays only for the providers it touches.
 */
import type { ProviderEntry } from '../src/provider/types.js';
import { BIND_CAPABILITIES } from './bind/capabilities.js';
import { CLOUDFLARE_CAPABILITIES } from './cloudflare/capabilities.js';
import { GCLOUD_CAPABILITIES } from './gcloud/capabilities.js';
import { RFC2136_CAPABILITIES } from './rfc2136/capabilities.js';
import { ROUTE53_CAPABILITIES } from './route53/capabilities.js';

/** All providers, in documentation order. */
export const PROVIDERS: readonly ProviderEntry[] = [
  { type: 'BIND', capabilities: BIND_CAPABILITIES, load: async () => (await import('./bind/index.js')).bindProvider as never },
  { type: 'RFC2136', aliases: ['AXFRDDNS'], capabilities: RFC2136_CAPABILITIES, load: async () => (await import('./rfc2136/index.js')).rfc2136Provider as never },
  { type: 'ROUTE53', capabilities: ROUTE53_CAPABILITIES, load: async () => (await import('./route53/index.js')).route53Provider as never },
  { type: 'GCLOUD', capabilities: GCLOUD_CAPABILITIES, load: async () => (await import('./gcloud/index.js')).gcloudProvider as never },
  { type: 'CLOUDFLAREAPI', capabilities: CLOUDFLARE_CAPABILITIES, load: async () => (await import('./cloudflare/index.js')).cloudflareProvider as never },
  { type: 'NONE', capabilities: { records: {}, features: {} }, load: async () => (await import('./none/index.js')).noneProvider as never },
];
