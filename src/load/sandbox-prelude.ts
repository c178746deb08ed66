import { SITE_CALL_GLOBAL } from '../dsl/names.js';

/**
 * The script the sandbox runs first (as `zonesmith:prelude`), before the DSL and the config:
 * - removes globals a config has no use for that would break determinism or the limits
 *   (WebAssembly, SharedArrayBuffer, Atomics, Intl, WeakRef, FinalizationRegistry);
 * - makes Math.random a seeded PRNG and Date a clock stopped at the epoch, in UTC;
 * - replaces console with one that keeps a bounded list of messages;
 * - installs a plain `__z` (call-sites.ts) for a DSL runtime that does not replace it;
 * - installs `__zonesmith_guard`, which runs the config and catches what it throws inside the
 *   isolate (a thrown object's getters run there, under the time limit, never in the host);
 * - evaluates to the host API object, reached only through the host's reference to it.
 * Every host API function returns a primitive (string or number), so copying a result out never
 * runs config code. It is plain JavaScript in a string (not a function's toString()) so that no
 * compiler or coverage tool can change what runs in the isolate.
 */
export const PRELUDE = String.raw`(function () {
  'use strict';
  var g = globalThis;
  var apply = Reflect.apply;
  var defineProperty = Object.defineProperty;
  var stringify = JSON.stringify;
  var StringFn = String;
  var slice = String.prototype.slice;
  var imul = Math.imul;
  var construct = Reflect.construct;

  ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'Intl', 'WeakRef', 'FinalizationRegistry'].forEach(function (n) {
    delete g[n];
  });

  function hide(obj, name, value) {
    defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  // Math.random: mulberry32 with a fixed seed, so a config that uses it gives the same zone every run.
  var seed = 0x7a6f6e65;
  hide(Math, 'random', function random() {
    seed = (seed + 0x6d2b79f5) | 0;
    var t = seed;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });

  // Date: "now" is 1970-01-01T00:00:00Z and local time is UTC.
  var RealDate = Date;
  var P = RealDate.prototype;
  var UTC = RealDate.UTC;
  function ZonesmithDate() {
    var args = [];
    for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
    if (!new.target) return new RealDate(0).toString();
    if (args.length === 0) args = [0];
    else if (args.length > 1) args = [apply(UTC, undefined, args)];
    return construct(RealDate, args, new.target);
  }
  ZonesmithDate.prototype = P;
  hide(P, 'constructor', ZonesmithDate);
  hide(ZonesmithDate, 'now', function now() { return 0; });
  hide(ZonesmithDate, 'parse', RealDate.parse);
  hide(ZonesmithDate, 'UTC', UTC);
  ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].forEach(function (n) {
    hide(P, 'get' + n, P['getUTC' + n]);
    if (n !== 'Day') hide(P, 'set' + n, P['setUTC' + n]);
  });
  hide(P, 'getTimezoneOffset', function getTimezoneOffset() { return 0; });
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var getTime = P.getTime;
  function two(n) { return n < 10 ? '0' + n : '' + n; }
  function datePart(d) {
    return DAYS[d.getUTCDay()] + ' ' + MONTHS[d.getUTCMonth()] + ' ' + two(d.getUTCDate()) + ' ' + d.getUTCFullYear();
  }
  function timePart(d) {
    return two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + ':' + two(d.getUTCSeconds()) + ' GMT+0000 (Coordinated Universal Time)';
  }
  function valid(d) { return apply(getTime, d, []) === apply(getTime, d, []); }
  hide(P, 'toString', function toString() { return valid(this) ? datePart(this) + ' ' + timePart(this) : 'Invalid Date'; });
  hide(P, 'toDateString', function toDateString() { return valid(this) ? datePart(this) : 'Invalid Date'; });
  hide(P, 'toTimeString', function toTimeString() { return valid(this) ? timePart(this) : 'Invalid Date'; });
  hide(P, 'toLocaleString', P.toString);
  hide(P, 'toLocaleDateString', P.toDateString);
  hide(P, 'toLocaleTimeString', P.toTimeString);
  hide(g, 'Date', ZonesmithDate);

  // console: messages are kept (bounded) for the host, which may show them; nothing is printed.
  var MAX_MESSAGES = 1000;
  var MAX_CHARS = 65536;
  var messages = '';
  var count = 0;
  var chars = 0;
  var dropped = 0;
  function show(v) {
    if (typeof v === 'string') return v;
    try {
      var s = stringify(v);
      return typeof s === 'string' ? s : StringFn(v);
    } catch (e) {
      try { return StringFn(v); } catch (e2) { return '[unprintable]'; }
    }
  }
  var console = {};
  ['log', 'info', 'warn', 'error', 'debug', 'trace'].forEach(function (level) {
    hide(console, level, function () {
      var text = '';
      for (var i = 0; i < arguments.length; i++) text += (i > 0 ? ' ' : '') + show(arguments[i]);
      if (typeof text !== 'string') text = '[unprintable]';
      if (text.length > 4096) text = cut(text, 4096) + '...';
      if (count >= MAX_MESSAGES || chars + text.length > MAX_CHARS) {
        dropped++;
        return;
      }
      count++;
      chars += text.length;
      messages += (messages ? ',' : '') + '[' + stringify(level) + ',' + stringify(text) + ']';
    });
  });
  hide(g, 'console', console);

  // A description of anything thrown, as JSON text. Runs inside the isolate and under the time
  // limit, because reading a thrown object can run its getters.
  function cut(s, n) { return apply(slice, s, [0, n]); }
  function describe(e) {
    var name = '';
    var message = '';
    var stack = '';
    try {
      if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
        var n = e.name;
        var m = e.message;
        var s = e.stack;
        if (typeof n === 'string') name = n;
        if (typeof s === 'string') stack = s;
        message = typeof m === 'string' ? m : StringFn(e);
      } else {
        message = StringFn(e);
      }
    } catch (inner) {
      if (typeof message !== 'string' || message === '') message = 'an exception that cannot be displayed';
    }
    if (typeof message !== 'string') message = '';
    var out = stringify({ __proto__: null, name: cut(name, 200), message: cut(message, 4096), stack: cut(stack, 65536) });
    return typeof out === 'string' ? out : '{"name":"","message":"an exception that cannot be displayed","stack":""}';
  }

  // What calls numbered at bundle time go through (call-sites.ts). The DSL runtime replaces it with
  // one that records the site; this one only makes the call, so that a runtime without it still
  // works (positions are then captured from the stack, and this frame is not the config's).
  var arraySlice = Array.prototype.slice;
  defineProperty(g, '${SITE_CALL_GLOBAL}', {
    configurable: true,
    writable: true,
    value: function (site, fn) { return apply(fn, undefined, apply(arraySlice, arguments, [2])); },
  });

  var failure = '';
  var dsl = null;
  var output = null;
  defineProperty(g, '__zonesmith_guard', {
    configurable: true,
    value: function (config) {
      delete g.__zonesmith_guard;
      try { config(); } catch (e) { failure = describe(e); }
    },
  });

  var streamed = 0;
  var emitted = 0;
  return {
    // emitter: the host's reference that takes streamed domains (src/dsl/stream.ts), when it
    // wants them. applyIgnored: the DSL goes on without waiting for the host's thread; the host
    // waits for emitted() chunks before it takes the answer. Its method is read now, before any
    // config code ran.
    bind: function (emitter) {
      try {
        var z = g.__zonesmith;
        if (!z || typeof z.setVariables !== 'function' || typeof z.collect !== 'function') {
          return 'the DSL runtime did not install __zonesmith.setVariables and __zonesmith.collect';
        }
        dsl = { self: z, setVariables: z.setVariables, collect: z.collect, lastError: z.lastError, streamed: z.streamed };
        if (emitter && typeof z.stream === 'function' && typeof z.streamed === 'function') {
          var applyIgnored = emitter.applyIgnored;
          apply(z.stream, z, [function (text) {
            emitted++;
            apply(applyIgnored, emitter, [undefined, [text]]);
          }]);
        }
        return '';
      } catch (e) {
        return describe(e);
      }
    },
    setVariables: function (json) {
      try {
        apply(dsl.setVariables, dsl.self, [json]);
        return '';
      } catch (e) {
        return describe(e);
      }
    },
    failure: function () { return failure; },
    lastError: function () {
      try {
        var r = typeof dsl.lastError === 'function' ? apply(dsl.lastError, dsl.self, []) : undefined;
        return typeof r === 'string' ? r : '';
      } catch (e) {
        return '';
      }
    },
    collect: function () {
      try {
        var r = apply(dsl.collect, dsl.self, []);
        if (typeof r !== 'string') return -1;
        output = r;
        var n = typeof dsl.streamed === 'function' ? apply(dsl.streamed, dsl.self, []) : 0;
        streamed = typeof n === 'number' && n >= 0 && n <= 0x7fffffff && n === (n | 0) ? n : 0;
        return r.length;
      } catch (e) {
        failure = describe(e);
        return -2;
      }
    },
    streamed: function () { return streamed; },
    emitted: function () { return emitted; },
    take: function () {
      var o = output;
      output = null;
      return typeof o === 'string' ? o : '';
    },
    console: function () { return '{"messages":[' + messages + '],"dropped":' + dropped + '}'; },
  };
})()`;

/** Wraps the config bundle so the prelude's guard runs it; kept on line 1 so no line moves. */
export const GUARD_PREFIX = '__zonesmith_guard(function () {';

/** Closes {@link GUARD_PREFIX}; starts on a new line after the bundle's last line comment. */
export const GUARD_SUFFIX = '\n});\n';
