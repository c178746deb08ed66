import { serviceBindingType } from '../service-binding.js';

/** SVCB: general service binding (RFC 9460). */
export const SVCB = serviceBindingType('SVCB', 64);
