import type { ProviderDraft } from './draft.js';
import { DslError, show } from './errors.js';
import { domainModifier, registerCallable } from './modifier.js';
import { entryPos, type Pos } from './pos.js';
import { state } from './state.js';
import type { DomainModifierFn } from './types.js';

function declare(fn: string, list: ProviderDraft[], args: unknown[], pos: Pos | undefined): string {
  const [name, second, third] = args;
  if (typeof name !== 'string' || name === '') {
    throw new DslError('dsl-bad-argument', `${fn}: the first argument must be the provider's name (its key in creds.json), not ${show(name)}`);
  }
  // DNSControl accepts (name), (name, type), (name, meta) and (name, type, meta).
  let type: unknown = second;
  let meta: unknown = third;
  if (args.length === 2 && second !== null && typeof second === 'object') {
    type = undefined;
    meta = second;
  }
  if (type !== undefined && typeof type !== 'string') {
    throw new DslError('dsl-bad-argument', `${fn}(${JSON.stringify(name)}): the type must be a string such as "BIND", not ${show(type)}`);
  }
  if (meta !== undefined && (meta === null || typeof meta !== 'object' || Array.isArray(meta))) {
    throw new DslError('dsl-bad-argument', `${fn}(${JSON.stringify(name)}): the metadata must be an object, not ${show(meta)}`);
  }
  list.push({
    name,
    // "-" (or nothing) means: take TYPE from creds.json.
    type: type === undefined || type === '' || type === '-' ? null : type,
    meta: { ...(meta as Record<string, unknown> | undefined) },
    pos,
  });
  return name;
}

/** Declares a registrar: `NewRegistrar(name[, type][, meta])`; returns `name`, the handle D() takes. */
export const NewRegistrar = registerCallable('NewRegistrar', function NewRegistrar(
  name: string,
  typeOrMeta?: string | Record<string, unknown>,
  meta?: Record<string, unknown>,
): string {
  const pos = entryPos(NewRegistrar);
  // eslint-disable-next-line prefer-rest-params
  return declare('NewRegistrar', state.registrars, Array.prototype.slice.call(arguments), pos);
});

/** Declares a DNS provider: `NewDnsProvider(name[, type][, meta])`; returns `name`, the handle DnsProvider() takes. */
export const NewDnsProvider = registerCallable('NewDnsProvider', function NewDnsProvider(
  name: string,
  typeOrMeta?: string | Record<string, unknown>,
  meta?: Record<string, unknown>,
): string {
  const pos = entryPos(NewDnsProvider);
  // eslint-disable-next-line prefer-rest-params
  return declare('NewDnsProvider', state.dnsProviders, Array.prototype.slice.call(arguments), pos);
});

/**
 * Domain modifier: serve the domain from this DNS provider. `nsCount` omitted (-1) = all its
 * nameservers take part in delegation; 0 = none (a shadow copy); n = the first n.
 */
export const DnsProvider = registerCallable('DnsProvider', function DnsProvider(name: string, nsCount?: number): DomainModifierFn {
  const pos = entryPos(DnsProvider);
  if (typeof name !== 'string' || name === '') {
    throw new DslError('dsl-bad-argument', `DnsProvider: the first argument must be a provider name from NewDnsProvider, not ${show(name)}`);
  }
  const count = nsCount === undefined ? -1 : nsCount;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < -1) {
    throw new DslError('dsl-bad-argument', `DnsProvider(${JSON.stringify(name)}): the nameserver count must be an integer >= 0 (or omitted), not ${show(nsCount)}`);
  }
  return domainModifier(`DnsProvider(${JSON.stringify(name)})`, (ctx) => {
    ctx.d.dnsProviders.set(name, { nsCount: count, pos });
  });
});
