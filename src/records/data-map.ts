import type { CertAssocData } from './cert-assoc.js';
import type { ServiceBindingData } from './service-binding.js';
import type { NameTargetData } from './single-name.js';
import type { AData } from './types/a.js';
import type { AaaaData } from './types/aaaa.js';
import type { CaaData } from './types/caa.js';
import type { DhcidData } from './types/dhcid.js';
import type { DnskeyData } from './types/dnskey.js';
import type { DsData } from './types/ds.js';
import type { LocData } from './types/loc.js';
import type { MxData } from './types/mx.js';
import type { NaptrData } from './types/naptr.js';
import type { OpenpgpkeyData } from './types/openpgpkey.js';
import type { R53AliasData } from './types/r53-alias.js';
import type { RpData } from './types/rp.js';
import type { SoaData } from './types/soa.js';
import type { SrvData } from './types/srv.js';
import type { SshfpData } from './types/sshfp.js';
import type { TxtData } from './types/txt.js';

/** The parsed data of each known type, for `parseRdata`'s return type. */
export interface RecordDataMap {
  A: AData;
  AAAA: AaaaData;
  ALIAS: NameTargetData;
  CAA: CaaData;
  CNAME: NameTargetData;
  DHCID: DhcidData;
  DNAME: NameTargetData;
  DNSKEY: DnskeyData;
  DS: DsData;
  HTTPS: ServiceBindingData;
  LOC: LocData;
  MX: MxData;
  NAPTR: NaptrData;
  NS: NameTargetData;
  OPENPGPKEY: OpenpgpkeyData;
  PTR: NameTargetData;
  R53_ALIAS: R53AliasData;
  RP: RpData;
  SMIMEA: CertAssocData;
  SOA: SoaData;
  SRV: SrvData;
  SSHFP: SshfpData;
  SVCB: ServiceBindingData;
  TLSA: CertAssocData;
  TXT: TxtData;
}
