import type { RawConfig, RawDomain, RawProvider } from '../dsl/raw-types.js';
import { ZonesmithError } from '../errors.js';
import { error } from '../ir/diagnostic.js';
import { splitRawConfig } from './raw-parts.js';
import { RawPartsChecker, validateRawConfig } from './raw-schema.js';
import type { PositionMapper } from './positions.js';

/**
 * What the host does with the sandbox's answer: parse the JSON, check it against RawConfig and map
 * its positions (raw-schema.ts), whole or a domain at a time.
 */

/**
 * Takes a config a domain at a time (loadConfigInParts): the providers, then each domain in
 * order, or, when the config cannot go in parts, all of it at once.
 */
export interface RawConfigSink {
  /** The declarations, before any domain. */
  providers(registrars: readonly RawProvider[], dnsProviders: readonly RawProvider[]): void;
  /** The next domain; false when this sink needs the whole config instead (a new sink then gets it). */
  domain(domain: RawDomain): boolean;
  /** The whole config, instead of the calls above. */
  whole(config: RawConfig): void;
}

/** The checked RawConfig of the sandbox's JSON; throws ZonesmithError with every problem. */
export function readRawConfig(json: string, mapper: PositionMapper, file: string): RawConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    const d = error('raw-invalid', `the DSL's output is not JSON: ${(err as Error).message}`);
    throw new ZonesmithError('config-output-invalid', `${file}: the DSL returned malformed output`, { diagnostics: [d] });
  }
  const { config, diagnostics } = validateRawConfig(
    parsed,
    (line, column) => mapper.map(line, column),
    (site) => mapper.site(site),
  );
  if (!config) throw new ZonesmithError('config-output-invalid', `${file}: the DSL returned malformed output`, { diagnostics });
  return config;
}

/**
 * Hands the sandbox's JSON to a sink a domain at a time (raw-parts.ts says why). Whatever does not
 * go through cleanly (another shape, malformed JSON, a problem in a domain, a sink that asks) is
 * read whole by {@link readRawConfig} and given to a new sink, so errors and results are the same.
 */
export async function readRawConfigInParts<S extends RawConfigSink>(json: string, mapper: PositionMapper, file: string, newSink: () => Promise<S>): Promise<S> {
  const sink = await newSink();
  if (inParts(json, mapper, sink)) return sink;
  const config = readRawConfig(json, mapper, file);
  const fresh = await newSink();
  fresh.whole(config);
  return fresh;
}

/** True when the whole config went to `sink` in parts. */
function inParts(json: string, mapper: PositionMapper, sink: RawConfigSink): boolean {
  const parts = splitRawConfig(json);
  if (!parts) return false;
  const checker = new RawPartsChecker(
    (line, column) => mapper.map(line, column),
    (site) => mapper.site(site),
  );
  const head = checker.providers(parseOrUndefined(parts.head));
  if (!head) return false;
  sink.providers(head.registrars, head.dnsProviders);
  const texts = parts.domains;
  for (let i = 0; i < texts.length; i++) {
    const domain = checker.domain(parseOrUndefined(texts[i] as string), i);
    if (!domain || !sink.domain(domain)) return false;
  }
  return true;
}

/**
 * JSON.parse, or undefined for malformed text. Malformed text, or a part cut where a guessed domain
 * end was wrong (raw-parts.ts), then fails the check like any value that is not an object; the
 * whole text is parsed again, which gives JSON.parse's own message or, for a wrong guess, the config.
 */
export function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
