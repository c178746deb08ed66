import { singleNameType } from '../single-name.js';

/** DNAME: redirects a whole subtree (RFC 6672). */
export const DNAME = singleNameType('DNAME', 39);
