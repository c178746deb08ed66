/**
 * Shared test data: DSL argument cases with their canonical rdata, canonical samples for every
 * type, and non-canonical presentation inputs with the canonical text they must produce.
 */

/** The zone DSL arguments are interpreted in. */
export const ZONE = 'example.com';

const HEX64 = '0123456789abcdef'.repeat(4);
const HEX128 = 'fedcba9876543210'.repeat(8);
const DNSKEY_B64 = 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==';
/** 2,000 bytes of TXT with quotes, backslashes, semicolons, and Unicode straddling the 255-octet cuts. */
export const LONG_TXT = exactBytes(Array.from({ length: 100 }, (_, i) => `k${i % 10}="v\\;";é`).join('') + 'ü'.repeat(600), 2000);

/** Trims or pads (with `;`) a string to exactly `n` UTF-8 octets without splitting a character. */
function exactBytes(s: string, n: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > n) break;
    out += ch;
  }
  return out.padEnd(out.length + n - Buffer.byteLength(out), ';');
}

/** `[type, args, canonical rdata]`. */
export const ARG_CASES: readonly (readonly [string, readonly unknown[], string])[] = [
  ['A', ['192.0.2.1'], '192.0.2.1'],
  ['A', [3221225985], '192.0.2.1'],
  ['AAAA', ['2001:DB8::0:1'], '2001:db8::1'],
  ['AAAA', ['::FFFF:192.0.2.1'], '::ffff:192.0.2.1'],
  ['ALIAS', ['@'], 'example.com.'],
  ['ALIAS', ['lb.example.net.'], 'lb.example.net.'],
  ['CAA', [0, 'issue', 'letsencrypt.org'], '0 issue "letsencrypt.org"'],
  ['CAA', [128, 'issuewild', ';'], '128 issuewild ";"'],
  ['CAA', ['0', 'issue', 'letsencrypt.org; validationmethods=dns-01; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1234'],
    '0 issue "letsencrypt.org; validationmethods=dns-01; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1234"'],
  ['CAA', [0, 'iodef', 'mailto:"sec"@example.com'], '0 iodef "mailto:\\"sec\\"@example.com"'],
  ['CNAME', ['www.example.org.'], 'www.example.org.'],
  ['CNAME', ['Foo'], 'foo.example.com.'],
  ['CNAME', ['@'], 'example.com.'],
  ['CNAME', ['BÜCHER.example.'], 'xn--bcher-kva.example.'],
  ['DHCID', ['AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA='], 'AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA='],
  ['DNAME', ['target.example.org.'], 'target.example.org.'],
  ['DNSKEY', [257, 3, 13, DNSKEY_B64], `257 3 13 ${DNSKEY_B64}`],
  ['DNSKEY', ['256', '3', '8', 'AwEA AQ=='], '256 3 8 AwEAAQ=='],
  ['DS', [60485, 5, 1, '2BB183AF5F22588179A53B0A98631FAD1A292118'], '60485 5 1 2bb183af5f22588179a53b0a98631fad1a292118'],
  ['HTTPS', [1, '.', 'alpn=h3,h2 ipv4hint=192.0.2.1'], '1 . alpn="h3,h2" ipv4hint=192.0.2.1'],
  ['HTTPS', [0, 'cdn.example.net.'], '0 cdn.example.net.'],
  ['HTTPS', [1, '.', 'ech=IGNORE alpn=h2'], '1 . alpn="h2" ech=IGNORE'],
  ['LOC', [52, 22, 23, 'N', 4, 53, 32, 'E', -2, 1, 10000, 10], '52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m'],
  ['LOC', [51, 30, 12.748, 'N', 0, 7, 39.611, 'W', 0, 0, 0, 0], '51 30 12.748 N 0 7 39.611 W 0.00m 0.00m 0.00m 0.00m'],
  ['MX', [10, 'mail'], '10 mail.example.com.'],
  ['MX', [0, '.'], '0 .'],
  ['MX', ['20', 'MX.Example.NET.'], '20 mx.example.net.'],
  ['NAPTR', [100, 10, 'U', 'E2U+sip', '!^.*$!sip:customer-service@example.com!', '.'], '100 10 "U" "E2U+sip" "!^.*$!sip:customer-service@example.com!" .'],
  ['NAPTR', [103, 20, 'A', 'E2U+sip', '', 'example.foo.com.'], '103 20 "A" "E2U+sip" "" example.foo.com.'],
  ['NS', ['ns1.example.net.'], 'ns1.example.net.'],
  ['NS', ['ns2'], 'ns2.example.com.'],
  ['OPENPGPKEY', ['99000d04'], 'mQANBA=='],
  ['OPENPGPKEY', ['mQANBA=='], 'mQANBA=='],
  ['PTR', ['foo.com.'], 'foo.com.'],
  ['R53_ALIAS', ['A', 'my-elb.us-east-1.elb.amazonaws.com.'], 'A my-elb.us-east-1.elb.amazonaws.com.'],
  ['R53_ALIAS', ['cname', 'www'], 'CNAME www.example.com.'],
  ['RP', ['hostmaster', 'info.example.org.'], 'hostmaster.example.com. info.example.org.'],
  ['SMIMEA', [3, 0, 1, HEX64.toUpperCase()], `3 0 1 ${HEX64}`],
  ['SOA', ['ns1.example.com.', 'hostmaster.example.com.', 0, 3600, 600, 604800, 1440], 'ns1.example.com. hostmaster.example.com. 0 3600 600 604800 1440'],
  ['SOA', ['kim.ns.cloudflare.com.', 'dns.cloudflare.com.', 10000, 2400, 604800, 3600], 'kim.ns.cloudflare.com. dns.cloudflare.com. 0 10000 2400 604800 3600'],
  ['SRV', [5, 6, 7, 'foo.com.'], '5 6 7 foo.com.'],
  ['SRV', [15, 65, 75, '.'], '15 65 75 .'],
  ['SSHFP', [1, 1, '66C7D5540B7D75A1FB4C84FEBFA178AD99BDD67C'], '1 1 66c7d5540b7d75a1fb4c84febfa178ad99bdd67c'],
  ['SVCB', [16, 'foo.example.org.', 'alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1'],
    '16 foo.example.org. mandatory=alpn,ipv4hint alpn="h2,h3-19" ipv4hint=192.0.2.1'],
  ['TLSA', [3, 1, 1, HEX64], `3 1 1 ${HEX64}`],
  ['TLSA', [2, 0, 2, HEX128], `2 0 2 ${HEX128}`],
  ['TXT', ['simple'], '"simple"'],
  ['TXT', [''], '""'],
  ['TXT', ['a "quoted" \\ back;semi'], '"a \\"quoted\\" \\\\ back;semi"'],
  ['TXT', ['tab\there\u0001'], '"tab\\009here\\001"'],
  ['TXT', ['héllo wörld ✓ 😀'], '"héllo wörld ✓ 😀"'],
  ['TXT', [LONG_TXT], `"${LONG_TXT.replace(/[\\"]/g, (c) => `\\${c}`)}"`],
];

/** Canonical rdata per type, beyond the argument cases, for round trips and the BIND cross-check. */
export const CANONICAL: readonly (readonly [string, string])[] = [
  ['A', '0.0.0.0'],
  ['A', '255.255.255.255'],
  ['AAAA', '::'],
  ['AAAA', '::1'],
  ['AAAA', '2001:db8::1:0:0:1'],
  ['AAAA', '2001:0:0:1::1'],
  ['AAAA', 'fe80::'],
  ['AAAA', '::0.1.0.2'],
  ['CAA', '0 contactemail "sec@example.com"'],
  ['CAA', '0 issue ""'],
  ['CAA', '0 issue "caf\\233 \\"x\\""'],
  ['CNAME', 'a\\.b.example.com.'],
  ['CNAME', 'sp\\032ace.example.com.'],
  ['CNAME', '*.example.com.'],
  ['CNAME', '_sip._tcp.example.com.'],
  ['CNAME', '\\@\\$\\(\\)\\;\\".example.com.'],
  ['CNAME', '\\200\\000.example.com.'],
  ['DNAME', '.'],
  ['DS', '12345 8 2 49fd46e6c4b45c55d4ac69cbd3cd34ac1afe51de49fd46e6c4b45c55d4ac69cb'],
  ['HTTPS', '1 . alpn="h2" no-default-alpn port=8443 ech=AEP+DQA= ipv6hint=2001:db8::1,2001:db8::53:1'],
  ['HTTPS', '1 . dohpath="/dns-query{?dns}" ohttp'],
  ['LOC', '42 21 54.500 N 71 6 18.000 W -24.00m 30m 10000m 10m'],
  ['LOC', '0 0 0.000 N 0 0 0.000 E 42849672.95m 90000000m 0.10m 0.00m'],
  ['LOC', '90 0 0.000 S 180 0 0.000 W -100000.00m 1m 10000m 10m'],
  ['MX', '65535 mx.example.com.'],
  ['NAPTR', '0 0 "" "" "" .'],
  ['NAPTR', '65535 65535 "s" "SIP+D2U" "!^(.*)$!\\\\1!" _sip._udp.example.com.'],
  ['NS', 'ns.xn--bcher-kva.example.'],
  ['PTR', 'host.example.com.'],
  ['RP', '. .'],
  ['SOA', 'ns1.example.com. hostmaster\\.dotted.example.com. 4294967295 1 2 3 4'],
  ['SRV', '0 0 0 .'],
  ['SSHFP', '4 2 745a635bc46a397a5c4f21d437483005bcc40d7511ff15fbfafe913a081559bc'],
  ['SVCB', '0 foo.example.com.'],
  ['SVCB', '1 foo.example.com. key667="hello\\210qoo"'],
  ['SVCB', '1 foo.example.com. key65333="ex1" key65444="ex2"'],
  ['SVCB', '16 foo.example.org. alpn="f\\\\\\\\oo\\\\,bar,h2"'],
  ['SVCB', '1 . key65000'],
  ['TLSA', `0 0 0 ${'ab'.repeat(100)}`],
  ['TXT', '"\\000\\127\\255"'],
  ['TXT', '"\\"\\\\"'],
  ['TXT', '"v=DKIM1; k=rsa; p=' + 'A'.repeat(400) + '"'],
  ['TXT', `"${'é'.repeat(200)}"`],
  ['TYPE65280', '\\# 4 0a000001'],
  ['TYPE65281', '\\# 0'],
];

/**
 * `[type, input, origin, canonical, note?]`: non-canonical presentation and what it must become.
 * `lenient` marks input zonesmith accepts but BIND 9.18 refuses (quoted names, lower-case LOC
 * hemispheres, `key= "value"` split in two tokens); `idn` marks Unicode names, which zonesmith turns
 * into punycode (as DNSControl does) while BIND keeps the raw UTF-8 octets. The BIND cross-check skips both.
 */
export const NORMALISE: readonly (readonly [string, string, string, string, ('lenient' | 'idn')?])[] = [
  ['A', '\\# 4 c0000201', '.', '192.0.2.1'],
  ['AAAA', '2001:DB8:0000:0000:0001:0000:0000:0001', '.', '2001:db8::1:0:0:1'],
  ['AAAA', '2001:db8:0:0:0:0:2:1', '.', '2001:db8::2:1'],
  ['AAAA', '2001:0db8:0000:0001:0000:0000:0000:0001', '.', '2001:db8:0:1::1'],
  ['AAAA', '2001:db8:0:1:1:1:1:1', '.', '2001:db8:0:1:1:1:1:1'],
  ['AAAA', '::ffff:c000:0201', '.', '::ffff:192.0.2.1'],
  ['CNAME', 'www', 'Example.COM.', 'www.example.com.'],
  ['CNAME', '@', 'example.com', 'example.com.'],
  ['CNAME', 'WWW.EXAMPLE.ORG.', 'example.com', 'www.example.org.'],
  ['CNAME', 'a\\046b.example.', '.', 'a\\.b.example.'],
  ['CNAME', '\\065\\066c', 'example.', 'abc.example.'],
  ['CNAME', 'bücher', 'example.', 'xn--bcher-kva.example.', 'idn'],
  ['CNAME', 'x', '.', 'x.'],
  ['MX', '10 @', 'example.com', '10 example.com.'],
  ['MX', '\\# 8 000a046d61696c00', '.', '10 mail.'],
  ['NS', '"quoted.example."', '.', 'quoted.example.', 'lenient'],
  ['TXT', 'unquoted', '.', '"unquoted"'],
  ['TXT', '"a" "b" c', '.', '"abc"'],
  ['TXT', '"caf\\195\\169"', '.', '"café"'],
  ['TXT', 'semi\\;colon "sp ace"', '.', '"semi;colonsp ace"'],
  ['TXT', '"\\x\\y"', '.', '"xy"'],
  ['TXT', '\\# 3 026869', '.', '"hi"'],
  ['CAA', '0 ISSUE letsencrypt.org', '.', '0 issue "letsencrypt.org"'],
  ['SOA', 'ns1 hostmaster 1 2h 1h 2w 1d', 'example.test', 'ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 86400'],
  ['SOA', 'NS1.example. mail.example. 1 1H30m 60S 1W 5m', '.', 'ns1.example. mail.example. 1 5400 60 604800 300'],
  ['SSHFP', '1 1 66C7D5540B7D75A1 FB4C84FEBFA178AD99BDD67C', '.', '1 1 66c7d5540b7d75a1fb4c84febfa178ad99bdd67c'],
  ['DS', '12345 8 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE 49FD46E6C4B45C55D4AC69CB', '.', '12345 8 2 49fd46e6c4b45c55d4ac69cbd3cd34ac1afe51de49fd46e6c4b45c55d4ac69cb'],
  ['DNSKEY', '257 3 8 AwEA Aabc', '.', '257 3 8 AwEAAabc'],
  ['OPENPGPKEY', 'mQAN BA==', '.', 'mQANBA=='],
  ['LOC', '52 22 23 N 4 53 32 E -2m', '.', '52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m'],
  ['LOC', '52 N 4 E 0', '.', '52 0 0.000 N 4 0 0.000 E 0.00m 1m 10000m 10m'],
  ['LOC', '42 21 54.5 n 71 06 18 w -24 30 15m 2.5m', '.', '42 21 54.500 N 71 6 18.000 W -24.00m 30m 10m 2m', 'lenient'],
  ['SVCB', '1 foo.example.com. key1="\\002h2"', '.', '1 foo.example.com. alpn="h2"'],
  ['SVCB', '16 foo.example.org. alpn=f\\\\\\092oo\\092,bar,h2', '.', '16 foo.example.org. alpn="f\\\\\\\\oo\\\\,bar,h2"'],
  ['SVCB', '1 foo ipv6hint="2001:db8:122:344::192.0.2.33"', 'example.com', '1 foo.example.com. ipv6hint=2001:db8:122:344::c000:221'],
  ['SVCB', '1 foo.example.com. key7="/q{?dns}" key8', '.', '1 foo.example.com. dohpath="/q{?dns}" ohttp'],
  ['HTTPS', '1 . port="443" mandatory=port alpn= "h2"', '.', '1 . mandatory=port alpn="h2" port=443', 'lenient'],
  ['TYPE15', '\\# 3 000100', '.', '1 .'],
  ['type65280', '\\# 2 ABCD', '.', '\\# 2 abcd'],
];
