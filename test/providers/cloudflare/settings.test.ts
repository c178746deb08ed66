/** creds.json parsing for CLOUDFLAREAPI: DNSControl's keys, zonesmith's own, and secrets that never print. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { parseCloudflareSettings } from '../../../providers/cloudflare/settings.js';

const TOKEN = 'tok-Hq3Vb8Nw2Lp5Xr7Z';
const KEY = 'key-Ja4Tc9Mv6Rs1Ye3W';
const ACCOUNT = '0123456789abcdef0123456789abcdef';

function fails(creds: Record<string, string>, env: Record<string, string> = {}): ZonesmithError {
  try {
    parseCloudflareSettings(creds, env);
  } catch (e) {
    expect(e).toBeInstanceOf(ZonesmithError);
    return e as ZonesmithError;
  }
  throw new Error('expected an error');
}

describe('CLOUDFLAREAPI settings', () => {
  it('takes an API token, with defaults for everything else', () => {
    const s = parseCloudflareSettings({ apitoken: TOKEN }, {});
    expect(s.credentials.kind).toBe('token');
    expect(s.credentials.clientOptions()).toEqual({ apiToken: TOKEN, apiKey: null, apiEmail: null, userServiceKey: null });
    expect(s).toMatchObject({ batchLimit: 200, perPage: 5000, maxAttempts: 5, maxRetryWaitMs: 300_000, minTtl: 60 });
    expect(s.baseURL).toBeUndefined();
    expect(s.accountId).toBeUndefined();
  });

  it('takes the legacy global key with the account e-mail', () => {
    const s = parseCloudflareSettings({ apikey: KEY, apiuser: 'ops@example.com', accountid: ACCOUNT.toUpperCase() }, {});
    expect(s.credentials.kind).toBe('key');
    expect(s.credentials.clientOptions()).toEqual({ apiToken: null, apiKey: KEY, apiEmail: 'ops@example.com', userServiceKey: null });
    expect(s.accountId).toBe(ACCOUNT);
  });

  it('refuses missing, incomplete and mixed credentials, naming the key and never the value', () => {
    expect(fails({}).code).toBe('cloudflare-credentials-missing');
    const inc = fails({ apikey: KEY });
    expect(inc.code).toBe('cloudflare-credentials-incomplete');
    expect(inc.message).toContain('"apiuser"');
    expect(fails({ apiuser: 'ops@example.com' }).message).toContain('"apikey"');
    const mixed = fails({ apitoken: TOKEN, apikey: KEY, apiuser: 'x@example.com' });
    expect(mixed.code).toBe('cloudflare-credentials-mixed');
    for (const e of [inc, mixed]) {
      expect(e.message).not.toContain(TOKEN);
      expect(e.message).not.toContain(KEY);
    }
  });

  it('reads baseurl from creds.json, else CLOUDFLARE_BASE_URL, and checks it', () => {
    expect(parseCloudflareSettings({ apitoken: TOKEN, baseurl: 'http://127.0.0.1:9/client/v4/' }, { CLOUDFLARE_BASE_URL: 'http://other/' }).baseURL).toBe('http://127.0.0.1:9/client/v4');
    expect(parseCloudflareSettings({ apitoken: TOKEN }, { CLOUDFLARE_BASE_URL: 'https://api.example.net/client/v4' }).baseURL).toBe('https://api.example.net/client/v4');
    expect(fails({ apitoken: TOKEN, baseurl: 'ftp://x' }).code).toBe('cloudflare-setting-invalid');
    expect(fails({ apitoken: TOKEN }, { CLOUDFLARE_BASE_URL: 'nonsense' }).message).toContain('CLOUDFLARE_BASE_URL');
  });

  it('checks the account id and the numeric settings', () => {
    expect(fails({ apitoken: TOKEN, accountid: 'acme' }).message).toContain('"accountid"');
    expect(parseCloudflareSettings({ apitoken: TOKEN, batch_limit: 'paid' }, {}).batchLimit).toBe(3500);
    expect(parseCloudflareSettings({ apitoken: TOKEN, batch_limit: '3500' }, {}).batchLimit).toBe(3500);
    expect(parseCloudflareSettings({ apitoken: TOKEN, batch_limit: '1' }, {}).batchLimit).toBe(1);
    for (const [key, value] of [['batch_limit', '3501'], ['batch_limit', '0'], ['per_page', '2'], ['max_attempts', 'x'], ['min_ttl', '10'], ['max_retry_wait', '-1']] as const) {
      const e = fails({ apitoken: TOKEN, [key]: value });
      expect(e.code).toBe('cloudflare-setting-invalid');
      expect(e.message).toContain(`"${key}"`);
    }
    const s = parseCloudflareSettings({ apitoken: TOKEN, per_page: '100', max_attempts: '3', max_retry_wait: '10', min_ttl: '30' }, {});
    expect(s).toMatchObject({ perPage: 100, maxAttempts: 3, maxRetryWaitMs: 10_000, minTtl: 30 });
  });

  it('never shows a secret in JSON, String() or util.inspect', () => {
    for (const s of [parseCloudflareSettings({ apitoken: TOKEN }, {}), parseCloudflareSettings({ apikey: KEY, apiuser: 'u@example.com' }, {})]) {
      const shown = [JSON.stringify(s), String(s.credentials), inspect(s, { depth: 5 }), `${s.credentials}`].join('\n');
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain(KEY);
      expect(shown).toContain('redacted');
    }
  });
});
