/** TSIG keys for test servers: random secrets made in Node, never fixed strings. */
import { randomBytes } from 'node:crypto';

/** The TSIG algorithms BIND 9.18 and Knot 3.2 both accept. */
export type TsigAlgorithm = 'hmac-md5' | 'hmac-sha1' | 'hmac-sha224' | 'hmac-sha256' | 'hmac-sha384' | 'hmac-sha512';

/** A TSIG key as both the server config and a client need it. */
export interface TestKey {
  /** Key name without trailing dot (`zs-key`). */
  readonly name: string;
  readonly algorithm: TsigAlgorithm;
  /** Base64 secret. */
  readonly secret: string;
}

/** What a test asks for; the secret is generated unless given. */
export interface KeySpec {
  readonly name: string;
  readonly algorithm?: TsigAlgorithm;
  readonly secret?: string;
}

const SECRET_BYTES: Record<TsigAlgorithm, number> = {
  'hmac-md5': 16,
  'hmac-sha1': 20,
  'hmac-sha224': 28,
  'hmac-sha256': 32,
  'hmac-sha384': 48,
  'hmac-sha512': 64,
};

/** Makes a key with a fresh random secret of the algorithm's output size. */
export function makeKey(spec: KeySpec | string = 'zs-key'): TestKey {
  const s = typeof spec === 'string' ? { name: spec } : spec;
  const algorithm = s.algorithm ?? 'hmac-sha256';
  return { name: s.name, algorithm, secret: s.secret ?? randomBytes(SECRET_BYTES[algorithm]).toString('base64') };
}

/** The creds.json form DNSControl's AXFRDDNS uses: `algorithm:name:secret`. */
export function keyString(key: TestKey): string {
  return `${key.algorithm}:${key.name}:${key.secret}`;
}

/** A BIND-syntax key file (`key "n" { algorithm a; secret "s"; };`), read by named, dig -k and nsupdate -k. */
export function bindKeyClause(key: TestKey): string {
  return `key "${key.name}" { algorithm ${key.algorithm}; secret "${key.secret}"; };\n`;
}
