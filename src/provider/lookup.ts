/** Anything with a provider TYPE and aliases: definitions and registry entries. */
export interface Typed {
  readonly type: string;
  readonly aliases?: readonly string[];
}

/** Finds a provider definition or registry entry by its TYPE or one of its aliases, case-insensitively. */
export function findDefinition<T extends Typed>(definitions: readonly T[], type: string): T | undefined {
  const t = type.toUpperCase();
  return definitions.find((d) => d.type === t || (d.aliases ?? []).includes(t));
}
