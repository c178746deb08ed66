import { createRequire } from 'node:module';

/**
 * commander's classes, loaded with `require`: its ES entry re-exports a CommonJS file that Node
 * would first scan for export names (cjs-module-lexer), about 6 ms of every command's start
 * (Node 20, 2026-11). Types come from `import type ... from 'commander'` as usual.
 */
export const { Command, CommanderError, InvalidArgumentError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');
