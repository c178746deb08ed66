/** Real Knot DNS (`knotd`) on loopback for tests (dns-servers.md §B, §H; verified with 3.2.6, 2026-11). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, aclKeys, type ServerOptions, type TestServer } from './server.js';

/**
 * Starts `knotd` in a fresh temp dir. Readiness: Knot answers `version.bind CH TXT` with the
 * configured `server.version` (verified with 3.2.6, 2026-11), which proves the instance without a
 * marker record in the zone (a marker would show up in every AXFR the tests read); then an
 * authoritative SOA per zone proves the zones are loaded.
 */
export function startKnot(opts: ServerOptions): Promise<TestServer> {
  return startServer(
    {
      kind: 'knot',
      configure: ({ dir, port, id, keys, zones }) => {
        mkdirSync(join(dir, 'db'), { recursive: true });
        const lines = [
          'server:',
          `    rundir: "${dir}"`,
          `    listen: 127.0.0.1@${port}`,
          `    version: "${id}"`,
          '    udp-workers: 1',
          '    tcp-workers: 1',
          '    background-workers: 1',
          'log:',
          '  - target: stderr',
          '    any: info',
          'database:',
          `    storage: "${dir}/db"`,
          'key:',
          ...keys.flatMap((k) => [`  - id: ${k.name}`, `    algorithm: ${k.algorithm}`, `    secret: ${k.secret}`]),
        ];
        const aclLines: string[] = [];
        const zoneAcls: string[][] = [];
        zones.forEach((z, i) => {
          const ids: string[] = [];
          for (const [action, setting] of [['update', z.update], ['transfer', z.transfer]] as const) {
            const who = aclKeys(setting, keys);
            if (who === 'none' || who.length === 0) continue;
            const aclId = `zs_${i}_${action}`;
            ids.push(aclId);
            aclLines.push(`  - id: ${aclId}`);
            if (who === 'any') aclLines.push('    address: 127.0.0.0/8');
            else aclLines.push(`    key: [${who.join(', ')}]`);
            aclLines.push(`    action: [${action}]`);
          }
          zoneAcls.push(ids);
        });
        if (aclLines.length > 0) lines.push('acl:', ...aclLines);
        lines.push(
          'template:',
          '  - id: default',
          `    storage: "${dir}"`,
          '    file: "%s.zone"',
          // Never rewrite the zone file: tests compare it with what they wrote.
          '    zonefile-sync: -1',
          '    journal-content: all',
          'zone:',
        );
        zones.forEach((z, i) => {
          lines.push(`  - domain: ${z.name}`);
          const ids = zoneAcls[i]!;
          if (ids.length > 0) lines.push(`    acl: [${ids.join(', ')}]`);
        });
        const file = join(dir, 'knot.conf');
        writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
        return { command: 'knotd', args: ['-c', file] };
      },
    },
    opts,
  );
}
