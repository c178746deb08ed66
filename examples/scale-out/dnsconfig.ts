// An estate of 400 zones, to show scale-out: CI runs preview and push as parallel jobs, each taking
// a stable share of the zones with --shard i/n, and one job posts all their plans as one comment.
// Pushed to BIND zone files in zones/ here, so it runs anywhere with no server and no credentials.
import { A, CNAME, D, DnsProvider, MX, NewDnsProvider, NewRegistrar, TXT } from 'zonesmith';

const REG = NewRegistrar('none');
const DNS = NewDnsProvider('bind', 'BIND');

for (let i = 0; i < 400; i++) {
  D(`shop-${String(i).padStart(3, '0')}.example`, REG, DnsProvider(DNS),
    A('@', `192.0.2.${(i % 250) + 1}`),
    CNAME('www', '@'),
    MX('@', 10, 'mx.mail.example.net.'),
    TXT('@', 'v=spf1 include:mail.example.net -all'),
  );
}
