import { DslError, show } from '../errors.js';
import { registerCallable } from '../modifier.js';
import { callWith, entryPos } from '../pos.js';
import { CNAME, MX, SRV } from '../records.js';
import type { DomainModifierFn } from '../types.js';

/** Options of M365_BUILDER (DNSControl's names). */
export interface M365BuilderOptions {
  /** Label of the MX record (default `@`). */
  readonly label?: string;
  /** MX to `<domainGUID>.mail.protection.outlook.com.` (default true). */
  readonly mx?: boolean;
  /** autodiscover CNAME (default true). */
  readonly autodiscover?: boolean;
  /** selector1/selector2 DKIM CNAMEs (default true; needs initialDomain). */
  readonly dkim?: boolean;
  /** Lync/Skype SIP CNAMEs and SRVs (default false). */
  readonly skypeForBusiness?: boolean;
  /** Intune enrollment CNAMEs (default false). */
  readonly mdm?: boolean;
  /** Defaults to the domain name with dots turned into dashes. */
  readonly domainGUID?: string;
  /** The tenant's `*.onmicrosoft.com` domain (required for DKIM). */
  readonly initialDomain?: string;
}

/**
 * Microsoft 365 records for `domain`. As in DNSControl (verified against pkg/js/helpers.js, 2026-11), only the MX honours
 * `label`; the CNAMEs and SRVs are always written at the zone's apex names.
 */
export const M365_BUILDER = registerCallable('M365_BUILDER', function M365_BUILDER(domain: string, opts: M365BuilderOptions = {}): DomainModifierFn[] {
  const pos = entryPos(M365_BUILDER);
  if (typeof domain !== 'string' || domain === '') {
    throw new DslError('dsl-bad-argument', `M365_BUILDER: the first argument must be the domain name, not ${show(domain)}`);
  }
  const o = opts ?? {};
  let guid = o.domainGUID;
  if (!guid) {
    // Microsoft's mapping for names with dashes is not known, so DNSControl refuses to guess.
    if (domain.includes('-')) throw new DslError('dsl-bad-argument', `M365_BUILDER requires domainGUID for domains with dashes: ${domain}`);
    guid = domain.replace(/\./g, '-');
  }
  const dkim = o.dkim !== false;
  if (dkim && !o.initialDomain) {
    throw new DslError('dsl-bad-argument', `M365_BUILDER requires your M365 account's initial domain to set up DKIM (default: enabled): ${domain}`);
  }
  const out: DomainModifierFn[] = [];
  if (o.mx !== false) out.push(callWith(pos, MX, o.label || '@', 0, `${guid}.mail.protection.outlook.com.`));
  if (o.autodiscover !== false) out.push(callWith(pos, CNAME, 'autodiscover', 'autodiscover.outlook.com.'));
  if (dkim) {
    out.push(callWith(pos, CNAME, 'selector1._domainkey', `selector1-${guid}._domainkey.${o.initialDomain}.`));
    out.push(callWith(pos, CNAME, 'selector2._domainkey', `selector2-${guid}._domainkey.${o.initialDomain}.`));
  }
  if (o.skypeForBusiness) {
    out.push(callWith(pos, CNAME, 'lyncdiscover', 'webdir.online.lync.com.'));
    out.push(callWith(pos, CNAME, 'sip', 'sipdir.online.lync.com.'));
    out.push(callWith(pos, SRV, '_sip._tls', 100, 1, 443, 'sipdir.online.lync.com.'));
    out.push(callWith(pos, SRV, '_sipfederationtls._tcp', 100, 1, 5061, 'sipfed.online.lync.com.'));
  }
  if (o.mdm) {
    out.push(callWith(pos, CNAME, 'enterpriseregistration', 'enterpriseregistration.windows.net.'));
    out.push(callWith(pos, CNAME, 'enterpriseenrollment', 'enterpriseenrollment.manage.microsoft.com.'));
  }
  return out;
});
