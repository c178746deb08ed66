import { serviceBindingType } from '../service-binding.js';

/** HTTPS: service binding for HTTPS origins (RFC 9460 §9). */
export const HTTPS = serviceBindingType('HTTPS', 65);
