import { toSeconds } from './duration.js';
import { DslError } from './errors.js';
import { Modifier, recordFlag, recordModifier, registerCallable } from './modifier.js';
import type { RecordDraft } from './draft.js';
import type { Duration, RecordFlag, RecordModifierFn } from './types.js';

// TTL() is called once per record in large configs: a small class, no closure.
class TtlModifier extends Modifier {
  constructor(
    private readonly written: Duration,
    private readonly seconds: number,
  ) {
    super();
  }

  describe(): string {
    return `TTL(${JSON.stringify(this.written)})`;
  }

  override applyRecord(r: RecordDraft): void {
    r.ttl = this.seconds;
  }
}

/** Record modifier: this record's TTL (overrides DefaultTTL). */
export const TTL = registerCallable('TTL', function TTL(ttl: Duration): RecordModifierFn {
  return new TtlModifier(ttl, toSeconds(ttl, 'TTL')) as unknown as RecordModifierFn;
});

/** Record modifier for CAA: sets the critical flag (128). */
export const CAA_CRITICAL: RecordFlag = recordFlag('CAA_CRITICAL', (r) => {
  if (r.type !== 'CAA') {
    throw new DslError('dsl-modifier-not-for-type', `CAA_CRITICAL applies only to CAA records, not to ${r.type} ${JSON.stringify(r.label)}`);
  }
  r.caaFlag |= 128;
});

const ensureAbsent = recordModifier('ENSURE_ABSENT_REC()', (r) => {
  r.absent = true;
});

/** Record modifier: make sure this record does not exist (deleted even under NO_PURGE). */
export const ENSURE_ABSENT_REC = registerCallable('ENSURE_ABSENT_REC', function ENSURE_ABSENT_REC(): RecordModifierFn {
  return ensureAbsent;
});

/** Record modifier: allow a label that repeats the domain name (`foo.example.com` inside `example.com`). */
export const DISABLE_REPEATED_DOMAIN_CHECK: RecordFlag = recordFlag('DISABLE_REPEATED_DOMAIN_CHECK', (r) => {
  r.allowRepeatedDomain = true;
});
