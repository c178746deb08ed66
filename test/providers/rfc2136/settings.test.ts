import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { parseSettings } from '../../../providers/rfc2136/settings.js';
import { rfc2136Provider } from '../../../providers/rfc2136/index.js';
import { ZonesmithError } from '../../../src/errors.js';

const secret = randomBytes(32).toString('base64');

function fails(creds: Record<string, string>, meta: Record<string, unknown> = {}): ZonesmithError {
  try {
    parseSettings(creds, meta);
  } catch (err) {
    expect(err).toBeInstanceOf(ZonesmithError);
    return err as ZonesmithError;
  }
  throw new Error('expected parseSettings to throw');
}

describe('RFC2136 settings (DNSControl AXFRDDNS creds.json keys)', () => {
  it('is registered as RFC2136 with the AXFRDDNS alias, record granularity, no ALIAS', () => {
    expect(rfc2136Provider.type).toBe('RFC2136');
    expect(rfc2136Provider.aliases).toEqual(['AXFRDDNS']);
    expect(rfc2136Provider.granularity).toBe('record');
    expect(rfc2136Provider.capabilities.records.ALIAS?.can).toBe(false);
    expect(rfc2136Provider.capabilities.records.SVCB?.can).toBe(true);
  });

  it('reads the documented example: keys, master with port', () => {
    const s = parseSettings(
      { master: '10.20.30.40:5353', 'transfer-key': `hmac-sha256:transfer-key-id:${secret}`, 'update-key': `hmac-sha512:Update-Key-Id:${randomBytes(64).toString('base64')}` },
      {},
    );
    expect(s.master).toMatchObject({ mode: 'tcp', host: '10.20.30.40', port: 5353, label: '10.20.30.40:5353' });
    expect(s.transfer).toEqual(s.master);
    expect(s.transferKey).toMatchObject({ name: 'transfer-key-id.', algorithm: 'hmac-sha256.' });
    expect(s.updateKey).toMatchObject({ name: 'update-key-id.', algorithm: 'hmac-sha512.' });
    expect(s.transferKey!.secret.equals(Buffer.from(secret, 'base64'))).toBe(true);
  });

  it('defaults: port 53, TCP, 30 s timeout, master from the first nameserver, default_ns from metadata', () => {
    const s = parseSettings({ nameservers: 'ns1.example.com,NS2.example.com.' }, { default_ns: ['ns3.example.com.'] });
    expect(s.nameservers).toEqual(['ns1.example.com.', 'ns2.example.com.', 'ns3.example.com.']);
    expect(s.master).toMatchObject({ host: 'ns1.example.com', port: 53, mode: 'tcp' });
    expect(s.timeoutMs).toBe(30_000);
    expect(s.updateKey).toBeUndefined();
    expect(parseSettings({ master: '127.0.0.1' }, {}).master.port).toBe(53);
  });

  it('transfer-server, modes, IPv6, TLS default port, unix sockets', () => {
    const s = parseSettings({ master: '[2001:db8::1]:5300', 'transfer-server': '2001:db8::2', 'transfer-mode': 'tcp-tls', 'update-mode': 'udp' }, {});
    expect(s.master).toMatchObject({ mode: 'udp', host: '2001:db8::1', port: 5300, label: '[2001:db8::1]:5300' });
    expect(s.transfer).toMatchObject({ mode: 'tcp-tls', host: '2001:db8::2', port: 853 });
    const u = parseSettings({ master: '/run/named/ddns.sock', 'update-mode': 'unix', 'transfer-mode': 'unix' }, {});
    expect(u.master).toMatchObject({ mode: 'unix', path: '/run/named/ddns.sock' });
    expect(u.transfer).toMatchObject({ mode: 'unix', path: '/run/named/ddns.sock' });
  });

  it('notes unknown and deprecated keys without failing; accepts `domain`', () => {
    const s = parseSettings({ master: '127.0.0.1:53', 'buggy-cname': 'yes', domain: 'x', frobnicate: '1' }, {});
    expect(s.notes.join('\n')).toMatch(/frobnicate/);
    expect(s.notes.join('\n')).toMatch(/buggy-cname/);
    expect(s.notes.join('\n')).not.toMatch(/"domain"/);
  });

  it('fails without a master or nameservers, like DNSControl', () => {
    expect(fails({}).code).toBe('rfc2136-no-master');
  });

  it('names the bad key but never echoes a secret', () => {
    const cases: Record<string, string>[] = [
      { master: '127.0.0.1', 'update-key': `hmac-sha256:k` },
      { master: '127.0.0.1', 'update-key': `hmac-sha999:k:${secret}` },
      { master: '127.0.0.1', 'transfer-key': `hmac-sha256:k:not*base64${secret}` },
      { master: '127.0.0.1:99999' },
      { master: '127.0.0.1', 'update-mode': 'carrier-pigeon' },
      { master: '127.0.0.1', 'transfer-mode': 'udp' },
      { master: '127.0.0.1', timeout: '-1' },
    ];
    for (const c of cases) {
      const err = fails(c);
      expect(err.code).toBe('rfc2136-settings');
      expect(err.message).not.toContain(secret);
      expect(err.message).toMatch(/creds\.json key "(update-key|transfer-key|master|update-mode|transfer-mode|timeout)"/);
    }
    expect(fails({ master: '127.0.0.1' }, { default_ns: 'ns1.example.com.' }).message).toMatch(/default_ns/);
  });
});
