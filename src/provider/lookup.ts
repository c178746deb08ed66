import type { ProviderDefinition } from './types.js';

/** Finds a provider definition by its TYPE or one of its aliases, case-insensitively. */
export function findDefinition(
  definitions: readonly ProviderDefinition[],
  type: string,
): ProviderDefinition | undefined {
  const t = type.toUpperCase();
  return definitions.find((d) => d.type === t || (d.aliases ?? []).includes(t));
}
