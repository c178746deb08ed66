import { ZonesmithError } from '../errors.js';
import { error } from '../ir/diagnostic.js';
import { parseOrUndefined, readRawConfigInParts, type RawConfigSink } from './raw-output.js';
import { splitRawConfig } from './raw-parts.js';
import { RawPartsChecker } from './raw-schema.js';
import type { PositionMapper } from './positions.js';

/**
 * The host's side of the domains the DSL streams while the config runs (src/dsl/stream.ts):
 * each chunk is parsed, checked and handed to the sink as it arrives, so that work overlaps the
 * sandbox's. Once the sandbox answered, {@link StreamedConfig.finish} adds the domains that came
 * with the answer.
 *
 * Whatever does not go through cleanly (a chunk that fails its check, a sink that asks for the
 * whole config, an answer that does not continue the chunks) is put back together into the one
 * JSON text the sandbox would have sent without streaming, and read by readRawConfigInParts with a
 * new sink: errors and results are then exactly those of the unstreamed path. An answer that says
 * nothing was streamed (the DSL found that a later call changed a streamed domain) is read that
 * way too, and the streamed work is dropped.
 */
export class StreamedConfig<S extends RawConfigSink> {
  private readonly texts: string[] = [];
  private head: string | undefined;
  private sink: S | undefined;
  private readonly checker: RawPartsChecker;
  /** A chunk or domain did not go through: read everything again at the end. */
  private broken = false;
  /** Some chunk holds a position captured from the stack. */
  private positions = false;
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly mapper: PositionMapper,
    private readonly newSink: () => Promise<S>,
    /** Makes the source map available (a position captured from the stack needs it). */
    private readonly loadMap: () => Promise<void>,
  ) {
    this.checker = new RawPartsChecker(
      (line, column) => mapper.map(line, column),
      (site) => mapper.site(site),
    );
  }

  /** Takes one chunk as the sandbox sent it; its work is queued behind the chunks before it. */
  push(chunk: string): void {
    const lines = chunk.split('\n');
    let domains = lines;
    if (this.head === undefined) {
      this.head = lines[0] ?? '';
      domains = lines.slice(1);
    }
    const first = this.texts.length;
    for (const t of domains) this.texts.push(t);
    // One search per chunk (a `"pos":` inside a JSON string is escaped, so this only errs towards
    // loading the map, as index.ts's needsSourceMap does).
    const positions = chunk.includes('"pos":');
    if (positions) this.positions = true;
    this.work = this.work.then(() => this.take(first, domains, positions));
  }

  private async take(first: number, domains: readonly string[], positions: boolean): Promise<void> {
    if (this.broken) return;
    try {
      if (!this.sink) {
        const sink = await this.newSink();
        const head = this.checker.providers(parseOrUndefined(this.head ?? ''));
        if (!head) return void (this.broken = true);
        sink.providers(head.registrars, head.dnsProviders);
        this.sink = sink;
      }
      if (positions) await this.loadMap();
      for (let i = 0; i < domains.length; i++) {
        const domain = this.checker.domain(parseOrUndefined(domains[i] as string), first + i);
        if (!domain || !this.sink.domain(domain)) return void (this.broken = true);
      }
    } catch {
      // Read again at the end, where the unstreamed path reports it (or throws it) as it would.
      this.broken = true;
    }
  }

  /** Some streamed domain holds a position captured from the stack (mapped through the source map). */
  get needsSourceMap(): boolean {
    return this.positions;
  }

  /**
   * The sink holding the whole config, once the sandbox answered `json` with `streamed` domains
   * sent before it (0: `json` is the whole config). Same errors as readRawConfigInParts.
   */
  async finish(json: string, streamed: number, file: string): Promise<S> {
    await this.work;
    if (streamed === 0) return readRawConfigInParts(json, this.mapper, file, this.newSink);
    const parts = splitRawConfig(json);
    if (!parts || streamed !== this.texts.length || this.head === undefined) {
      const d = error('raw-invalid', `the DSL streamed ${this.texts.length} domains and then answered as if it had streamed ${streamed}, or not in its own shape`);
      throw new ZonesmithError('config-output-invalid', `${file}: the DSL returned malformed output`, { diagnostics: [d] });
    }
    if (!this.broken && this.sink && parts.head === this.head && (await this.continueWith(this.sink, parts.domains, streamed))) return this.sink;
    // The JSON the sandbox would have sent unstreamed: the answer's root, the streamed domains first.
    const whole = `${parts.head.slice(0, -1)},"domains":[${[...this.texts, ...parts.domains].join(',')}]}`;
    return readRawConfigInParts(whole, this.mapper, file, this.newSink);
  }

  private async continueWith(sink: S, texts: readonly string[], first: number): Promise<boolean> {
    try {
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i] as string;
        if (text.includes('"pos":')) await this.loadMap();
        const domain = this.checker.domain(parseOrUndefined(text), first + i);
        if (!domain || !sink.domain(domain)) return false;
      }
      return true;
    } catch {
      return false;
    }
  }
}
