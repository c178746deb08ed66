import { singleNameType } from '../single-name.js';

/** CNAME: an alias for another name (RFC 1035). */
export const CNAME = singleNameType('CNAME', 5);
