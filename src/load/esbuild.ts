import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';

/**
 * esbuild's JavaScript API, loaded with `require`. esbuild ships it as one CommonJS file; an ES
 * `import` of it has Node scan that file for its export names first (cjs-module-lexer), which
 * made loading it take 35-55 ms instead of 8-12 (Node 20, 2026-11), on the way to the first
 * bundle of every command that evaluates a config.
 */
export const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
