import { certAssocType } from '../cert-assoc.js';

/** TLSA: DANE certificate association (RFC 6698). */
export const TLSA = certAssocType('TLSA', 52);
