import { singleNameType } from '../single-name.js';

/** NS: a delegation or apex name server (RFC 1035). */
export const NS = singleNameType('NS', 2);
