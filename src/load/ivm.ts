import { ZonesmithError } from '../errors.js';

/**
 * The slice of isolated-vm's API the sandbox uses, declared here so that type-checking never
 * depends on which of the two aliased packages npm managed to install (each builds only on its own
 * Node major).
 */
export interface IvmModule {
  readonly Isolate: new (options?: { memoryLimit?: number }) => IvmIsolate;
}

/** An isolate: a separate V8 heap with its own limits. */
export interface IvmIsolate {
  readonly isDisposed: boolean;
  createContext(): Promise<IvmContext>;
  compileScript(code: string, options?: { filename?: string }): Promise<IvmScript>;
  getHeapStatistics(): Promise<{ used_heap_size: number; total_heap_size: number; externally_allocated_size: number }>;
  dispose(): void;
}

/** A global object inside an isolate. */
export interface IvmContext {
  release(): void;
}

/** A compiled script, runnable in a context of its isolate. */
export interface IvmScript {
  run(context: IvmContext, options: { timeout?: number; reference: true }): Promise<IvmReference>;
  run(context: IvmContext, options?: { timeout?: number }): Promise<unknown>;
  release(): void;
}

/** A handle to a value that stays inside the isolate. */
export interface IvmReference {
  get(property: string, options: { reference: true }): Promise<IvmReference>;
  apply(receiver: undefined, args: readonly (string | number)[], options: { timeout?: number; result: { copy: true } }): Promise<unknown>;
  release(): void;
}

/** The Node majors with an isolated-vm build, and the npm alias each one is installed under. */
export const SUPPORTED_NODE_MAJORS: Readonly<Record<number, string>> = {
  20: 'isolated-vm-node20',
  24: 'isolated-vm-node24',
};

let cached: Promise<IvmModule> | undefined;

/**
 * Loads the isolated-vm build for the running Node major. Throws `sandbox-unavailable` on any other
 * major, when the matching optional dependency is missing, or when Node lacks --no-node-snapshot
 * (isolated-vm crashes the process without it on Node 20+).
 */
export function loadIvm(): Promise<IvmModule> {
  cached ??= importIvm();
  return cached;
}

async function importIvm(): Promise<IvmModule> {
  const major = Number(process.versions.node.split('.')[0]);
  const pkg = SUPPORTED_NODE_MAJORS[major];
  const supported = Object.keys(SUPPORTED_NODE_MAJORS).join(' and ');
  if (!pkg) {
    throw unavailable(`Node ${process.versions.node} is not supported: the sandbox runs on Node ${supported}`);
  }
  if (!hasNoNodeSnapshot()) {
    throw unavailable('the sandbox needs Node started with --no-node-snapshot (the zonesmith command adds it itself)');
  }
  try {
    // A computed specifier: only the alias for this Node major is installed, so naming both
    // statically would fail to resolve one of them.
    const mod = (await import(pkg)) as { default?: IvmModule } & IvmModule;
    return mod.default ?? mod;
  } catch (err) {
    cached = undefined;
    throw unavailable(`cannot load ${pkg} (isolated-vm for Node ${major}): ${(err as Error).message}`, err);
  }
}

/** True when this process runs with --no-node-snapshot (as a flag or in NODE_OPTIONS). */
export function hasNoNodeSnapshot(): boolean {
  const flag = '--no-node-snapshot';
  return process.execArgv.includes(flag) || (process.env['NODE_OPTIONS'] ?? '').split(/\s+/).includes(flag);
}

function unavailable(message: string, cause?: unknown): ZonesmithError {
  return new ZonesmithError('sandbox-unavailable', message, cause === undefined ? undefined : { cause });
}
