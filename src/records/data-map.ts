import type { NameTargetData } from './single-name.js';
import type { AData } from './types/a.js';
import type { AaaaData } from './types/aaaa.js';
import type { CaaData } from './types/caa.js';
import type { MxData } from './types/mx.js';
import type { SoaData } from './types/soa.js';
import type { SrvData } from './types/srv.js';
import type { TxtData } from './types/txt.js';

/** The parsed data of each known type, for `parseRdata`'s return type. */
export interface RecordDataMap {
  A: AData;
  AAAA: AaaaData;
  ALIAS: NameTargetData;
  CAA: CaaData;
  CNAME: NameTargetData;
  DNAME: NameTargetData;
  MX: MxData;
  NS: NameTargetData;
  PTR: NameTargetData;
  SOA: SoaData;
  SRV: SrvData;
  TXT: TxtData;
}
