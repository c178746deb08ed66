/**
 * zonesmith's own conformance groups, in the same shape as DNSControl's: every record type the case
 * file does not cover, awkward TXT content, and every hands-off rule (with records that must survive).
 */
import type { CaseGroup, CaseRecord, CaseStep } from './cases.js';

const rec = (type: string, label: string, ...args: (string | number)[]): CaseRecord => ({ type, label, args, ttl: 300 });
const step = (name: string, records: CaseRecord[], extra: Partial<CaseStep> = {}): CaseStep => ({
  name, records, expectNoChanges: false, unsafeIgnore: false, ...extra,
});
const group = (id: string, name: string, steps: CaseStep[], requires: string[] = []): CaseGroup => ({
  id, name, filters: { requires, only: [], not: [] }, steps,
});

const HEX64 = '0123456789abcdef'.repeat(4);
const DNSKEY_P256 = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const PGP = Buffer.from(Array.from({ length: 180 }, (_, i) => (i * 13 + 7) % 256)).toString('base64');
const LONG_TXT = `v=DKIM1; k=rsa; p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(45)}`.slice(0, 2000);

/** zonesmith's own groups. */
export function ownCases(): CaseGroup[] {
  return [
    group('zs-txt', 'TXT content', [
      step('quotes, backslashes, semicolons', [rec('TXT', 'q', 'say "hi"; path=C:\\dir\\; done')]),
      step('unicode', [rec('TXT', 'q', 'grüße — 日本語 ✓')]),
      step('2,000 bytes', [rec('TXT', 'q', LONG_TXT)]),
      step('several strings at one label', [rec('TXT', 'q', 'one'), rec('TXT', 'q', 'two'), rec('TXT', 'q', 'three; four')]),
      step('empty string', [rec('TXT', 'q', '')]),
    ]),
    group('zs-dname', 'DNAME', [step('create', [rec('DNAME', 'old', 'new.example.net.')]), step('change', [rec('DNAME', 'old', 'newer.example.net.')])], ['CanUseDNAME']),
    group('zs-dhcid', 'DHCID', [
      step('create', [rec('DHCID', 'host', 'AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=')]),
      step('change', [rec('DHCID', 'host', 'AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=')]),
    ], ['CanUseDHCID']),
    group('zs-dnskey', 'DNSKEY', [
      step('create', [rec('DNSKEY', '@', 257, 3, 13, DNSKEY_P256)]),
      step('change flags', [rec('DNSKEY', '@', 256, 3, 13, DNSKEY_P256)]),
    ], ['CanUseDNSKEY']),
    group('zs-ds', 'DS at a delegation', [
      step('create', [rec('NS', 'child', 'ns1.example.net.'), rec('DS', 'child', 12345, 13, 2, HEX64)]),
      step('change digest', [rec('NS', 'child', 'ns1.example.net.'), rec('DS', 'child', 12345, 13, 2, 'fedcba9876543210'.repeat(4))]),
    ], ['CanUseDSForChildren']),
    group('zs-https', 'HTTPS and SVCB', [
      step('create', [rec('HTTPS', '@', 1, '.', 'alpn=h2,h3'), rec('SVCB', '_dns', 1, 'dns.example.net.', 'alpn=dot port=853')]),
      step('change params', [rec('HTTPS', '@', 1, '.', 'alpn=h2 ipv4hint=192.0.2.1'), rec('SVCB', '_dns', 2, 'dns.example.net.', 'alpn=dot port=8853')]),
      step('alias mode', [rec('HTTPS', '@', 0, 'cdn.example.net.', '')]),
    ], ['CanUseHTTPS', 'CanUseSVCB']),
    group('zs-loc', 'LOC', [
      step('create', [rec('LOC', '@', 52, 22, 23, 'N', 4, 53, 32, 'E', -2, 0, 0, 0)]),
      step('change', [rec('LOC', '@', 42, 21, 54, 'N', 71, 6, 18, 'W', -24, 30, 10, 10)]),
    ], ['CanUseLOC']),
    group('zs-openpgpkey', 'OPENPGPKEY', [
      step('create', [rec('OPENPGPKEY', 'c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._openpgpkey', PGP)]),
      step('same key written as hex', [rec('OPENPGPKEY', 'c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._openpgpkey', Buffer.from(PGP, 'base64').toString('hex'))], { expectNoChanges: true }),
    ], ['CanUseOPENPGPKEY']),
    group('zs-rp', 'RP', [
      step('create', [rec('RP', '@', 'admin.example.net.', '.')]),
      step('change', [rec('RP', '@', 'hostmaster.example.net.', 'info.example.net.')]),
    ], ['CanUseRP']),
    group('zs-smimea', 'SMIMEA', [
      step('create', [rec('SMIMEA', 'c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._smimecert', 3, 1, 1, HEX64)]),
      step('change usage', [rec('SMIMEA', 'c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._smimecert', 2, 1, 1, HEX64)]),
    ], ['CanUseSMIMEA']),
    group('zs-ignore-label', 'IGNORE by label glob', [
      step('setup', [rec('A', 'keep', '192.0.2.1'), rec('A', 'keep.deep', '192.0.2.2'), rec('A', 'other', '192.0.2.3')]),
      step('ignore keep* (which crosses dots, as in DNSControl), drop other', [], {
        ignores: [{ label: 'keep*', types: '', target: '' }],
        expectPresent: [rec('A', 'keep', '192.0.2.1'), rec('A', 'keep.deep', '192.0.2.2')],
        expectAbsent: [rec('A', 'other', '192.0.2.3')],
      }),
    ]),
    group('zs-ignore-deep', 'IGNORE with a pattern over several labels', [
      step('setup', [rec('A', 'a.b.dyn', '192.0.2.1'), rec('TXT', 'x', 'gone')]),
      step('ignore **.dyn', [], { ignores: [{ label: '**.dyn', types: '', target: '' }], expectPresent: [rec('A', 'a.b.dyn', '192.0.2.1')], expectAbsent: [rec('TXT', 'x', 'gone')] }),
    ]),
    group('zs-ignore-type', 'IGNORE by type and IGNORE_NAME', [
      step('setup', [rec('TXT', '_acme-challenge', 'token-1'), rec('A', 'www', '192.0.2.1'), rec('MX', 'www', 10, 'mail.example.net.')]),
      step('ignore TXT everywhere and MX at www', [rec('A', 'www', '192.0.2.9')], {
        ignores: [{ label: '*', types: 'TXT', target: '*' }, { label: 'www', types: 'MX', target: '*' }],
        expectPresent: [rec('TXT', '_acme-challenge', 'token-1'), rec('MX', 'www', 10, 'mail.example.net.')],
      }),
    ]),
    group('zs-ignore-target', 'IGNORE_TARGET', [
      step('setup', [rec('CNAME', 'cdn1', 'edge.cdn.example.org.'), rec('CNAME', 'cdn2', 'elsewhere.example.org.')]),
      step('ignore CNAMEs into *.cdn.example.org.', [], {
        ignores: [{ label: '*', types: 'CNAME', target: '*.cdn.example.org.' }],
        expectPresent: [rec('CNAME', 'cdn1', 'edge.cdn.example.org.')],
        expectAbsent: [rec('CNAME', 'cdn2', 'elsewhere.example.org.')],
      }),
    ]),
    group('zs-ignore-unsafe', 'desired records that match IGNORE, with the safety check disabled', [
      step('create under the ignore', [rec('A', 'dyn', '192.0.2.5')], { ignores: [{ label: 'dyn', types: '', target: '' }], unsafeIgnore: true }),
    ]),
    group('zs-no-purge', 'NO_PURGE', [
      step('setup', [rec('A', 'foreign', '192.0.2.1'), rec('A', 'mine', '192.0.2.2')]),
      step('unknown records survive, known label+type is still managed', [rec('A', 'mine', '192.0.2.3')], {
        noPurge: true,
        expectPresent: [rec('A', 'foreign', '192.0.2.1')],
        expectAbsent: [rec('A', 'mine', '192.0.2.2')],
      }),
      step('ENSURE_ABSENT_REC deletes even under NO_PURGE', [rec('A', 'mine', '192.0.2.3')], {
        noPurge: true,
        absent: [rec('A', 'foreign', '192.0.2.1')],
        expectAbsent: [rec('A', 'foreign', '192.0.2.1')],
      }),
    ]),
    group('zs-external-dns', 'IGNORE_EXTERNAL_DNS', [
      step('setup: records written by external-dns', [
        rec('A', 'app', '10.0.0.7'),
        rec('TXT', 'a-app', 'heritage=external-dns,external-dns/owner=k8s,external-dns/resource=service/default/app'),
        rec('A', 'other', '192.0.2.1'),
      ]),
      step('external-dns records survive', [rec('A', 'other', '192.0.2.1')], {
        externalDns: '',
        expectPresent: [rec('A', 'app', '10.0.0.7'), rec('TXT', 'a-app', 'heritage=external-dns,external-dns/owner=k8s,external-dns/resource=service/default/app')],
        expectNoChanges: true,
      }),
    ]),
  ];
}
