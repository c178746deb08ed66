import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { GlobListing } from './script-transform.js';

/** Options of {@link listGlob}. */
export interface GlobOptions {
  /** The config's directory (real path); the listing must stay inside it. */
  readonly root: string;
  /** Directory of the file that calls require_glob. */
  readonly from: string;
  /** The directory argument as written (joined to `from`, as DNSControl joins it to the current file's directory). */
  readonly dir: string;
  readonly recursive: boolean;
  /** `.js` by default; `*` for every file. */
  readonly extension: string;
}

/** More files than any real config lists; beyond it the glob is almost certainly a mistake. */
const MAX_FILES = 10_000;

/**
 * Lists the files `require_glob` would require, in the order DNSControl's filepath.Walk visits them
 * (depth first, entries sorted by name; verified against pkg/js/js.go, 2026-11). Symbolic links to
 * directories are not followed, as Walk does not follow them. Returns an error message when the
 * directory is missing or outside the config's tree.
 */
export function listGlob(opts: GlobOptions): GlobListing | string {
  const start = path.resolve(opts.from, opts.dir);
  let real: string;
  try {
    real = realpathSync(start);
  } catch {
    return `require_glob("${opts.dir}"): no such directory`;
  }
  if (!isInside(opts.root, real)) return `require_glob("${opts.dir}"): the directory is outside the config's directory`;
  if (!lstatSync(real).isDirectory()) return `require_glob("${opts.dir}"): not a directory`;
  const files: string[] = [];
  const walk = (dir: string): void => {
    const names = readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const full = path.join(dir, name);
      const st = lstatSync(full);
      if (st.isDirectory()) {
        if (opts.recursive) walk(full);
        continue;
      }
      if (opts.extension !== '*' && path.extname(name) !== opts.extension) continue;
      files.push(full);
      if (files.length > MAX_FILES) throw new Error(`require_glob("${opts.dir}"): more than ${MAX_FILES} files`);
    }
  };
  try {
    walk(real);
  } catch (err) {
    return (err as Error).message;
  }
  const posix = (p: string): string => p.split(path.sep).join('/');
  return {
    specifiers: files.map((f) => {
      const rel = posix(path.relative(opts.from, f));
      return rel.startsWith('../') ? rel : `./${rel}`;
    }),
    paths: files.map((f) => posix(path.relative(opts.root, f))),
  };
}

/** True when `file` is `dir` itself or below it (both real paths). */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
