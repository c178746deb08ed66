/**
 * Turns config metadata into the string map the IR keeps (DNSControl's meta is map[string]string):
 * strings as they are, numbers and booleans as their text, objects as JSON, null and undefined
 * dropped. Keys keep their order so the IR is stable.
 */
export function metaToStrings(meta: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return out;
  for (const [key, value] of Object.entries(meta)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') out[key] = String(value);
    else out[key] = JSON.stringify(value) ?? String(value);
  }
  return out;
}

/** True when the object has no own keys (cheaper than Object.keys(...).length for the common case). */
export function isEmpty(obj: Readonly<Record<string, unknown>>): boolean {
  for (const _ in obj) return false;
  return true;
}
