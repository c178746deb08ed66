/**
 * Property: for random record sets of every type (odd owners, odd TXT up to 2,000 octets),
 * write → read is the identity, every file written passes named-checkzone, and BIND reads each
 * file to the same records we do.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZoneFile } from '../../../providers/bind/zonefile-reader.js';
import { writeZoneFile } from '../../../providers/bind/zonefile-writer.js';
import { RECORD_TYPES } from '../../../src/records/types.js';
import { compileWithBind, expectCheckzoneOk, lines, tempDir } from './helpers.js';
import { randomZone } from './random-zone.js';

const ZONE = 'prop.example';
const RUNS = 25;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('write → read round trip (property)', () => {
  it('covers every record type the BIND provider can hold', () => {
    const types = new Set(randomZone(1, ZONE, 60).map((r) => r.type));
    for (const t of RECORD_TYPES) if (t !== 'ALIAS') expect(types, t).toContain(t);
  });

  it.each(Array.from({ length: RUNS }, (_, i) => 1000 + i))('seed %i', async (seed) => {
    const records = randomZone(seed, ZONE, 40 + (seed % 5) * 20);
    const file = join(tmp.dir, `seed-${seed}.zone`);
    await writeZoneFile(file, records, { zone: ZONE });
    expectCheckzoneOk(ZONE, file);
    const back = await readZoneFile(file, { origin: ZONE });
    expect(back?.diagnostics).toEqual([]);
    expect(lines(back!.records)).toEqual(lines(records));
    // Read in small pieces, the file gives exactly the same result.
    expect(await readZoneFile(file, { origin: ZONE, pieceSize: 997 })).toEqual(back);
    // The unicode owners are punycode by then, so BIND's reading agrees name for name.
    expect(lines(compileWithBind(ZONE, file))).toEqual(lines(records));
  });
});
