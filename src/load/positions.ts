import { CONFIG_SCRIPT_NAME } from '../dsl/names.js';
import type { RawSource } from '../dsl/raw-types.js';
import type { ConfigBundle } from './bundle.js';

const FRAME = new RegExp(`${CONFIG_SCRIPT_NAME}:(\\d+):(\\d+)`, 'g');

/**
 * Maps positions in the `zonesmith:config` script (1-based line and column, as V8 reports them in
 * stack traces and as the DSL records them in `pos`) to the user's files.
 */
export class PositionMapper {
  constructor(
    private readonly bundle: ConfigBundle,
    /** Columns the sandbox's wrapper added in front of line 1. */
    private readonly line1Shift: number,
  ) {}

  /** The user's file, line and column of a script position; undefined for the loader's own code. */
  map(line: number, column: number): RawSource | undefined {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return undefined;
    const col0 = line === 1 ? column - 1 - this.line1Shift : column - 1;
    if (col0 < 0) return undefined;
    const hit = this.bundle.map.lookup(line, col0);
    if (!hit) return undefined;
    const file = this.bundle.files[hit.source];
    if (file === undefined || file.startsWith('zonesmith:')) return undefined;
    const moved = this.bundle.edits[hit.source]?.map(hit.line, hit.column) ?? hit;
    return { file, line: moved.line, column: moved.column + 1 };
  }

  /** Where numbered call site `site` (call-sites.ts) was written. */
  site(site: number): RawSource | undefined {
    return this.bundle.site(site);
  }

  /** The innermost stack frame that lies in the user's files. */
  fromStack(stack: string): RawSource | undefined {
    for (const m of stack.matchAll(FRAME)) {
      const pos = this.map(Number(m[1]), Number(m[2]));
      if (pos) return pos;
    }
    return undefined;
  }
}
