/**
 * A harness for testing a cloud provider against its local API server: a provider instance pointed
 * at the server whose waits take no time (each requested wait is recorded), its log lines, and one
 * stop() for both. It knows no provider: each provider's own test support passes its definition,
 * server and credentials, so the providers' tests share this code but nothing of each other's.
 */
import type { ProviderDefinition, ProviderInstance } from '../../src/provider/types.js';

/** What a harness needs of a server: a way to stop it. */
export interface StoppableServer {
  stop(): Promise<void>;
}

/** A running server and a provider instance using it; `sleeps` records every wait requested. */
export interface Harness<S> {
  readonly server: S;
  readonly provider: ProviderInstance;
  readonly sleeps: number[];
  readonly logs: string[];
  stop(): Promise<void>;
}

/** A provider instance with the waits it asked for (none of which took any time) and its log lines. */
export interface RecordingInstance {
  readonly instance: ProviderInstance;
  readonly sleeps: number[];
  readonly logs: string[];
}

/** Settings that accept the test hook replacing the provider's real sleep. */
type SleepHook = { readonly sleep?: (ms: number) => Promise<void> };

/** Builds an instance from creds.json values as the CLI would, with the sleep hook recording waits. */
export function recordingInstance<S extends SleepHook>(definition: ProviderDefinition<S>, creds: Record<string, string>, meta: Record<string, unknown> = {}): RecordingInstance {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const settings: S = {
    ...definition.parseSettings(creds, meta),
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
  const instance = definition.create(settings, { log: (l) => logs.push(l), configDir: process.cwd() });
  return { instance, sleeps, logs };
}

/**
 * A harness on a server that is already running. When the instance cannot be built (settings a
 * test expects to be refused), the server is stopped before the error goes on, so none is left open.
 */
export async function openHarness<S extends StoppableServer>(server: S, build: (server: S) => RecordingInstance): Promise<Harness<S>> {
  let r: RecordingInstance;
  try {
    r = build(server);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    server,
    provider: r.instance,
    sleeps: r.sleeps,
    logs: r.logs,
    async stop() {
      await r.instance.close?.();
      await server.stop();
    },
  };
}
