import { createRequire } from 'node:module';
import { ZonesmithError } from '../errors.js';

/**
 * The slice of isolated-vm's API the sandbox uses, declared here so that type-checking never
 * depends on which of the two aliased packages npm managed to install (each builds only on its own
 * Node major).
 */
export interface IvmModule {
  readonly Isolate: new (options?: { memoryLimit?: number }) => IvmIsolate;
  /** A handle to a value of this (the child's) isolate, callable from inside another one. */
  readonly Reference: new (value: unknown) => IvmReference;
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
  apply(receiver: undefined, args: readonly (string | number | IvmReference)[], options: { timeout?: number; result: { copy: true } }): Promise<unknown>;
  release(): void;
}

/** The Node majors with an isolated-vm build, and the npm alias each one is installed under. */
export const SUPPORTED_NODE_MAJORS: Readonly<Record<number, string>> = {
  20: 'isolated-vm-node20',
  24: 'isolated-vm-node24',
};

/**
 * The absolute path of the isolated-vm build for the running Node major, resolved in the host (the
 * sandbox's child process loads it by this path, from wherever it runs). Throws
 * `sandbox-unavailable` on an unsupported major or when the optional dependency is not installed.
 */
export function resolveIvmPath(): string {
  const major = Number(process.versions.node.split('.')[0]);
  const pkg = SUPPORTED_NODE_MAJORS[major];
  const supported = Object.keys(SUPPORTED_NODE_MAJORS).join(' and ');
  if (!pkg) {
    throw unavailable(`Node ${process.versions.node} is not supported: the sandbox runs on Node ${supported}`);
  }
  try {
    return createRequire(import.meta.url).resolve(pkg);
  } catch (err) {
    throw unavailable(`cannot find ${pkg} (isolated-vm for Node ${major}; reinstall zonesmith's dependencies): ${(err as Error).message}`, err);
  }
}

/** Loads isolated-vm from the path {@link resolveIvmPath} gave (in the child process). */
export function loadIvmFrom(resolved: string): IvmModule {
  const mod = createRequire(resolved)(resolved) as { default?: IvmModule } & IvmModule;
  return mod.default ?? mod;
}

function unavailable(message: string, cause?: unknown): ZonesmithError {
  return new ZonesmithError('sandbox-unavailable', message, cause === undefined ? undefined : { cause });
}
