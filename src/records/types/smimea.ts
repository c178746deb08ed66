import { certAssocType } from '../cert-assoc.js';

/** SMIMEA: S/MIME certificate association (RFC 8162); the DSL adds `._smimecert` to the label. */
export const SMIMEA = certAssocType('SMIMEA', 53);
