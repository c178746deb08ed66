/** Real BIND 9 (`named`) on loopback for tests (dns-servers.md §A, §H; verified with 9.18.49, 2026-11). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, aclKeys, type ServerOptions, type TestServer } from './server.js';
import { bindKeyClause } from './keys.js';

/** BIND options: strict (BIND's defaults, like production) or permissive. */
export interface BindOptions extends ServerOptions {
  /**
   * true (default): BIND's own checks: check-names fails `under_score` A owners, check-integrity
   * refuses an UPDATE whose in-zone MX/SRV target has no address (§A6). false: both off.
   */
  readonly strict?: boolean;
}

function acl(setting: ReturnType<typeof aclKeys>): string {
  if (setting === 'any') return '{ any; }';
  if (setting === 'none' || setting.length === 0) return '{ none; }';
  return `{ ${setting.map((k) => `key "${k}";`).join(' ')} }`;
}

/** Starts `named -g` in a fresh temp dir; resolves when it answers as this instance with every zone loaded. */
export function startBind(opts: BindOptions): Promise<TestServer> {
  const strict = opts.strict ?? true;
  return startServer(
    {
      kind: 'bind',
      configure: ({ dir, port, id, keys, zones }) => {
        const conf = [
          ...keys.map(bindKeyClause),
          'options {',
          `  directory "${dir}";`,
          `  pid-file "${dir}/named.pid";`,
          `  session-keyfile "${dir}/session.key";`,
          `  managed-keys-directory "${dir}";`,
          `  listen-on port ${port} { 127.0.0.1; };`,
          '  listen-on-v6 { none; };',
          '  recursion no;',
          // "auto" would make named query the root servers for trust anchors.
          '  dnssec-validation no;',
          '  notify no;',
          `  version "${id}";`,
          ...(strict ? [] : ['  check-names primary ignore;', '  check-integrity no;']),
          '};',
          // No rndc: the default control channel binds 127.0.0.1:953 and collides across instances.
          'controls { };',
          ...zones.map(
            (z) =>
              `zone "${z.name}" { type primary; file "${z.name}.zone"; ` +
              `allow-update ${acl(aclKeys(z.update, keys))}; allow-transfer ${acl(aclKeys(z.transfer, keys))}; };`,
          ),
        ].join('\n');
        const file = join(dir, 'named.conf');
        writeFileSync(file, `${conf}\n`, { mode: 0o600 });
        // -g: foreground with every log line on stderr, even errors from before logging is set up.
        return { command: 'named', args: ['-g', '-c', file] };
      },
    },
    opts,
  );
}
