/**
 * A throw-away CA and a server certificate for 127.0.0.1, made with `openssl` at test time
 * (node:crypto cannot build X.509 certificates). @google-cloud/dns always speaks https, so the
 * local Cloud DNS server needs TLS; the provider trusts the CA through its `ca_file` setting.
 *
 * One set per process: the Google SDK keeps one HTTPS connection pool per process, made with the
 * first CA it is given (see providers/gcloud/transport.ts), so every server in a process shares it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM material for the test server and the file the provider's `ca_file` points at. */
export interface TestTls {
  /** The CA certificate (PEM). */
  readonly caPem: string;
  /** Path of a file holding caPem. */
  readonly caFile: string;
  /** Server certificate for 127.0.0.1 and localhost, signed by the CA. */
  readonly cert: string;
  readonly key: string;
}

const KEY = Symbol.for('zonesmith.test.gcloud-tls');

/** The process's test CA and server certificate (made on first use). */
export function testTls(): TestTls {
  const g = globalThis as unknown as Record<symbol, TestTls | undefined>;
  return (g[KEY] ??= makeTls());
}

function makeTls(): TestTls {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-gcloud-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const p = (f: string): string => join(dir, f);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  run(['req', '-x509', ...ec, '-keyout', p('ca.key'), '-out', p('ca.pem'), '-days', '2', '-subj', '/CN=zonesmith test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', ...ec, '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', '/CN=127.0.0.1']);
  writeFileSync(p('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  run(['x509', '-req', '-in', p('server.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('server.pem'), '-days', '2', '-extfile', p('ext.cnf')]);
  return { caPem: readFileSync(p('ca.pem'), 'utf8'), caFile: p('ca.pem'), cert: readFileSync(p('server.pem'), 'utf8'), key: readFileSync(p('server.key'), 'utf8') };
}
