import { singleNameType } from '../single-name.js';

/** ALIAS: pseudo type, a CNAME-like target the provider flattens (allowed at the apex); never on the wire. */
export const ALIAS = singleNameType('ALIAS', undefined);
