import { genericBytes, isGenericForm } from './generic.js';
import { RdataError, type RdataToken, type RecordTypeModule } from './types.js';
import { ByteReader } from './wire.js';

/**
 * Wraps a type's module so every entry point behaves the same: the RFC 3597 `\#` form is accepted
 * by `fromTokens` (and `canonical`) for any type with a wire code and decoded through `fromWire`,
 * and pseudo types refuse the wire. The result is frozen.
 */
export function defineType<D>(spec: RecordTypeModule<D>): RecordTypeModule<D> {
  const { type, code } = spec;
  const fromTokens = spec.fromTokens.bind(spec);
  const fromWire = spec.fromWire.bind(spec);
  const decodeGeneric = (tokens: readonly RdataToken[]): D => {
    if (code === undefined) throw new RdataError('pseudo-type-no-wire', `${type} is a pseudo type and has no \\# form`);
    return dataFromWire(fromWire, genericBytes(tokens), type);
  };
  const mod: RecordTypeModule<D> = {
    ...spec,
    fromTokens(tokens, origin) {
      if (isGenericForm(tokens)) return decodeGeneric(tokens);
      return fromTokens(tokens, origin);
    },
  };
  const fast = spec.canonical?.bind(spec);
  if (fast) {
    mod.canonical = (tokens, origin) => (isGenericForm(tokens) ? spec.format(decodeGeneric(tokens)) : fast(tokens, origin));
  }
  if (code === undefined) {
    mod.toWire = () => {
      throw new RdataError('pseudo-type-no-wire', `${type} is a pseudo type; it has no wire format`);
    };
    mod.fromWire = () => {
      throw new RdataError('pseudo-type-no-wire', `${type} is a pseudo type; it has no wire format`);
    };
  }
  return Object.freeze(mod);
}

/** Runs `fromWire` over bare rdata and insists it consumed every octet (`wire-trailing-data`). */
export function dataFromWire<D>(fromWire: RecordTypeModule<D>['fromWire'], bytes: Uint8Array, type: string): D {
  const r = new ByteReader(bytes, 0, bytes.length);
  const data = fromWire(r, bytes.length);
  if (r.offset !== bytes.length) {
    throw new RdataError('wire-trailing-data', `${type} rdata has ${bytes.length - r.offset} octet(s) left over`);
  }
  return data;
}
