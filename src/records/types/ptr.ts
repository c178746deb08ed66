import { singleNameType } from '../single-name.js';

/** PTR: a pointer, usually reverse DNS (RFC 1035). */
export const PTR = singleNameType('PTR', 12);
