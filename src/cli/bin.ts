#!/usr/bin/env node
/**
 * The `zonesmith` executable. The config sandbox (isolated-vm) runs in a child process that the
 * loader starts with the Node flags it needs, so this process needs none.
 */
import { run } from './main.js';

process.exitCode = await run(process.argv);
