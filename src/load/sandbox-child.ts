/**
 * Entry of the sandbox's child process (bundled by sandbox.ts and started with
 * `node --no-node-snapshot --no-lazy --input-type=module -e`). It receives one job over IPC (its
 * setup, then the config), evaluates it with isolated-vm, sends the outcome back and exits.
 * Anything that kills this process (V8 aborts the whole process when an isolate cannot satisfy one
 * huge allocation) is seen by the host as the child's exit, not as its own crash.
 */
import { loadIvmFrom } from './ivm.js';
import { runIsolate, type SandboxOutcome, type SandboxSetup } from './sandbox-isolate.js';

/** The host's first message: everything but the config, so the isolate is set up while it bundles. */
export interface SandboxJob {
  readonly ivmPath: string;
  readonly setup: SandboxSetup;
  /** Send the domains the DSL streams while the config runs (`chunk` replies). */
  readonly stream: boolean;
}

/** The host's second message: the config bundle. */
export interface SandboxConfig {
  readonly configCode: string;
}

/**
 * The messages the child sends back: `ready` once started, the domains the DSL streams while the
 * config runs (`chunk`, src/dsl/stream.ts), then the outcome of the job.
 */
export type SandboxReply =
  | { readonly ready: true }
  | { readonly chunk: string }
  | { readonly outcome: SandboxOutcome; readonly maxRssKb: number; readonly cpuMs: number };

let giveConfig: (code: string) => void = () => undefined;
const configCode = new Promise<string>((resolve) => (giveConfig = resolve));
let started = false;

process.on('message', (message: SandboxJob | SandboxConfig) => {
  if ('configCode' in message) return giveConfig(message.configCode);
  if (started) return;
  started = true;
  void (async () => {
    let outcome: SandboxOutcome;
    try {
      // A chunk still on its way from an isolate that failed may come after the answer and the
      // disconnect: it has no one to go to.
      const onChunk = message.stream ? (chunk: string): void => void (process.connected && process.send?.({ chunk } satisfies SandboxReply)) : undefined;
      outcome = await runIsolate(loadIvmFrom(message.ivmPath), message.setup, configCode, onChunk);
    } catch (err) {
      outcome = { kind: 'crashed', message: `the sandbox failed: ${(err as Error)?.message ?? String(err)}` };
    }
    const usage = process.resourceUsage();
    const reply: SandboxReply = { outcome, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    process.send?.(reply, undefined, {}, () => {
      process.disconnect?.();
    });
  })();
});
process.send?.({ ready: true } satisfies SandboxReply);
