/**
 * Turns config metadata into the string map the IR keeps (DNSControl's meta is map[string]string):
 * strings as they are, numbers and booleans as their text, objects as JSON, null and undefined
 * dropped. Keys keep their order so the IR is stable. Undefined when nothing is left, so the
 * common case (no metadata) allocates nothing.
 */
export function metaToStrings(meta: unknown): Record<string, string> | undefined {
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  let out: Record<string, string> | undefined;
  for (const key in meta) {
    const value = (meta as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    out ??= {};
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') out[key] = String(value);
    else out[key] = JSON.stringify(value) ?? String(value);
  }
  return out;
}
