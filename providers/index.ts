/**
 * The explicit provider registry: every provider type zonesmith knows, listed here and nowhere else
 * (no registration by import side effects). It sits above providers/ and src/provider/ so the
 * dependency arrows only point down.
 */
import type { ProviderDefinition } from '../src/provider/types.js';
import { bindProvider } from './bind/index.js';
import { cloudflareProvider } from './cloudflare/index.js';
import { gcloudProvider } from './gcloud/index.js';
import { noneProvider } from './none/index.js';
import { rfc2136Provider } from './rfc2136/index.js';
import { route53Provider } from './route53/index.js';

/** All provider definitions, in documentation order. */
export const PROVIDERS: readonly ProviderDefinition[] = [bindProvider, rfc2136Provider, route53Provider, gcloudProvider, cloudflareProvider, noneProvider] as readonly ProviderDefinition[];
