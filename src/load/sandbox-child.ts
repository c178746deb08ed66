/**
 * Entry of the sandbox's child process (bundled by sandbox.ts and started with
 * `node --no-node-snapshot --no-lazy --input-type=module -e`). It receives one job over IPC, evaluates it
 * with isolated-vm, sends the outcome back and exits. Anything that kills this process (V8 aborts
 * the whole process when an isolate cannot satisfy one huge allocation) is seen by the host as
 * the child's exit, not as its own crash.
 */
import { loadIvmFrom } from './ivm.js';
import { runIsolate, type SandboxInput, type SandboxOutcome } from './sandbox-isolate.js';

/** The message the host sends. */
export interface SandboxJob {
  readonly ivmPath: string;
  readonly input: SandboxInput;
  /** Send the domains the DSL streams while the config runs (`chunk` replies). */
  readonly stream: boolean;
}

/**
 * The messages the child sends back: `ready` once started, the domains the DSL streams while the
 * config runs (`chunk`, src/dsl/stream.ts), then the outcome of the job.
 */
export type SandboxReply =
  | { readonly ready: true }
  | { readonly chunk: string }
  | { readonly outcome: SandboxOutcome; readonly maxRssKb: number; readonly cpuMs: number };

process.once('message', (job: SandboxJob) => {
  void (async () => {
    let outcome: SandboxOutcome;
    try {
      const onChunk = job.stream ? (chunk: string): void => void process.send?.({ chunk } satisfies SandboxReply) : undefined;
      outcome = await runIsolate(loadIvmFrom(job.ivmPath), job.input, onChunk);
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
