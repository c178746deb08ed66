import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCreds } from '../../src/creds/load.js';
import { parseCredsText, stripJsonExtras } from '../../src/creds/parse.js';
import { clearSecrets, redact } from '../../src/creds/redact.js';

const dir = mkdtempSync(join(tmpdir(), 'zs-creds-'));
afterEach(() => clearSecrets());

describe('creds.json', () => {
  it('tolerates comments and trailing commas, keeps strings intact', () => {
    const text = `{
      // a comment with "quotes"
      "r53": { "TYPE": "ROUTE53", "KeyId": "a//b", /* inline */ "SecretKey": "x,}" , },
    }`;
    expect(JSON.parse(stripJsonExtras(text))).toEqual({ r53: { TYPE: 'ROUTE53', KeyId: 'a//b', SecretKey: 'x,}' } });
  });

  it('rejects nested values naming the key but not the value', () => {
    expect(() => parseCredsText('{"p": {"TYPE": "X", "token": {"v": "hunter22"}}}', 'creds.json')).toThrow(/"p.token" must be a string/);
    try {
      parseCredsText('{"p": {"token": {"v": "hunter22"}}}', 'creds.json');
    } catch (err) {
      expect(String(err)).not.toContain('hunter22');
    }
  });

  it('substitutes $VAR values from the environment (empty when unset) and adds implicit entries', () => {
    const path = join(dir, 'creds.json');
    writeFileSync(path, JSON.stringify({ cf: { TYPE: 'CLOUDFLAREAPI', apitoken: '$CF_TOKEN', other: '$UNSET_VAR', literal: 'a$b' } }));
    const creds = loadCreds({ spec: path, env: { CF_TOKEN: 'tok-123456' }, cwd: dir });
    expect(creds['cf']).toEqual({ TYPE: 'CLOUDFLAREAPI', apitoken: 'tok-123456', other: '', literal: 'a$b' });
    expect(creds['none']).toEqual({ TYPE: 'NONE' });
    expect(creds['bind']).toEqual({ TYPE: 'BIND' });
  });

  it('registers secret-looking values so no output can show them', () => {
    const path = join(dir, 'creds2.json');
    writeFileSync(path, JSON.stringify({ r53: { TYPE: 'ROUTE53', KeyId: 'AKIAEXAMPLE1', SecretKey: 'very-secret-value', region: 'us-east-1' } }));
    loadCreds({ spec: path, env: {}, cwd: dir });
    expect(redact('failed with very-secret-value and AKIAEXAMPLE1 in us-east-1')).toBe('failed with *** and *** in us-east-1');
  });

  it('treats a missing file as empty and runs !commands and executable files', () => {
    expect(Object.keys(loadCreds({ spec: join(dir, 'missing.json'), env: {}, cwd: dir }))).toEqual(['none', 'bind']);
    const fromCmd = loadCreds({ spec: `!echo '{"x": {"TYPE": "BIND"}}'`, env: {}, cwd: dir });
    expect(fromCmd['x']).toEqual({ TYPE: 'BIND' });
    const script = join(dir, 'creds.sh');
    writeFileSync(script, `#!/bin/sh\necho '{"y": {"TYPE": "NONE"}}'\n`);
    chmodSync(script, 0o755);
    expect(loadCreds({ spec: script, env: {}, cwd: dir })['y']).toEqual({ TYPE: 'NONE' });
  });

  it('reports a failing command without echoing its stderr', () => {
    expect(() => loadCreds({ spec: '!echo leaked-secret-text >&2; exit 3', env: {}, cwd: dir })).toThrow(/exited with status 3/);
    try {
      loadCreds({ spec: '!echo leaked-secret-text >&2; exit 3', env: {}, cwd: dir });
    } catch (err) {
      expect(String(err)).not.toContain('leaked-secret-text');
    }
  });
});
