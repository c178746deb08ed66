// The example config: a small organisation with two domains, pushed to BIND zone files in zones/
// (the embedded default provider: no server, no credentials). `npx zonesmith preview` shows the plan.
import {
  A, AAAA, CAA_BUILDER, CNAME, D, DefaultTTL, DKIM_BUILDER, DMARC_BUILDER, DnsProvider, MX,
  NAMESERVER, NewDnsProvider, NewRegistrar, SPF_BUILDER, SRV, TTL, TXT,
} from 'zonesmith';

const REG_NONE = NewRegistrar('none');
// Zone files land in zones/<name>.zone; creds.json may override the directory.
const DNS_BIND = NewDnsProvider('bind', 'BIND');

// Shared by both domains: the public web front ends.
const WEB_V4 = '192.0.2.10';
const WEB_V6 = '2001:db8::10';

D('example.com', REG_NONE, DnsProvider(DNS_BIND),
  DefaultTTL('1h'),
  NAMESERVER('ns1.example.net.'),
  NAMESERVER('ns2.example.net.'),

  // Web
  A('@', WEB_V4),
  AAAA('@', WEB_V6),
  CNAME('www', '@'),
  A('*.preview', '192.0.2.20', TTL('5m')), // every pull-request preview site
  A('status', '198.51.100.7'),

  // Mail: Microsoft-style MX pair on our own relays, with SPF, DMARC and DKIM
  A('mx1', '192.0.2.25'),
  A('mx2', '198.51.100.25'),
  MX('@', 10, 'mx1'),
  MX('@', 20, 'mx2'),
  SPF_BUILDER({
    label: '@',
    parts: ['v=spf1', 'mx', 'include:_spf.mailhost.example.', '-all'],
  }),
  DMARC_BUILDER({
    policy: 'quarantine',
    percent: 100,
    rua: ['mailto:dmarc-reports@example.com'],
  }),
  DKIM_BUILDER({
    selector: 'mail2026',
    pubkey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr8Xv3R0c8nQk2F6yQy1f3x6Jd0TqYw7p5n7V0uA1z2q9mG3k4hL8cY6t0wE1rS5bN2vP7xK9jD3fH6gU4iO8lM1nB7vC5xZ2aQ9wE3rT6yU8iO0pL4kJ7hG2fD5sA1zX9cV3bN6mQ8wE2rT5yU7iO9pL3kJ6hG1fD4sA0zX8cV2bN5mQ7wE1rT4yU6iO8pL2kJ5hG0fD3sA9zX7cV1bN4mQ6wE0rT3yU5iO7pL1kJ4hG9fD2sA8zX6cV0bN3mQ5wE9rT2yU4iO6pL0kJ3hG8fD1sA7zX5cV9bN2mQ4wIDAQAB',
  }),

  // Only Let's Encrypt may issue certificates; violations are reported by mail.
  CAA_BUILDER({
    label: '@',
    iodef: 'mailto:security@example.com',
    issue: ['letsencrypt.org'],
    issuewild: 'none',
  }),

  // Services
  SRV('_submission._tcp', 0, 1, 587, 'mx1'),
  SRV('_imaps._tcp', 0, 1, 993, 'mx1'),
  CNAME('autodiscover', 'mx1'),
  TXT('_acme-challenge.status', 'placeholder-rotated-by-certbot'),
);

D('example.net', REG_NONE, DnsProvider(DNS_BIND),
  DefaultTTL('1h'),
  NAMESERVER('ns1.example.net.'),
  NAMESERVER('ns2.example.net.'),

  // The nameservers themselves live in this zone.
  A('ns1', '192.0.2.53'),
  A('ns2', '198.51.100.53'),

  A('@', WEB_V4),
  CNAME('www', 'example.com.'),
  // This domain sends no mail: a null MX and a reject-all SPF/DMARC stop spoofing.
  MX('@', 0, '.'),
  TXT('@', 'v=spf1 -all'),
  DMARC_BUILDER({ policy: 'reject' }),
);
