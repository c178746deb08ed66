/** creds.json entries for GCLOUD: DNSControl's keys, zonesmith's additions, and errors that name the key, never the value. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ZonesmithError } from '../../../src/errors.js';
import { gcloudProvider } from '../../../providers/gcloud/index.js';
import { parseGcloudSettings } from '../../../providers/gcloud/settings.js';
import { makeServiceAccount } from '../../servers/gcloud/auth.js';

const sa = makeServiceAccount('dnscontrolacct@mydnsproject.iam.gserviceaccount.com', 'mydnsproject');

/** DNSControl's documented GCLOUD entry (documentation/provider/gcloud.md), with a real key. */
const DNSCONTROL_ENTRY: Record<string, string> = {
  type: 'service_account',
  project_id: 'mydnsproject',
  private_key_id: '0000000000000000000000000000000000000000',
  private_key: sa.privateKeyPem.replace(/\n/g, '\\n'),
  client_email: sa.email,
  client_id: '000000000000000000000',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://accounts.google.com/o/oauth2/token',
  auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
  client_x509_cert_url: 'https://www.googleapis.com/robot/v1/metadata/x509/dnscontrolacct%40mydnsproject.iam.gserviceaccount.com',
  name_server_set: 'optional_name_server_set_name',
};

function fails(creds: Record<string, string>, meta: Record<string, unknown> = {}): ZonesmithError {
  try {
    parseGcloudSettings(creds, meta);
  } catch (e) {
    expect(e).toBeInstanceOf(ZonesmithError);
    return e as ZonesmithError;
  }
  throw new Error('expected an error');
}

describe('GCLOUD settings', () => {
  it("reads DNSControl's entry unchanged: the key with its \\n escapes fixed, Google's token_uri left to the SDK", () => {
    const s = parseGcloudSettings(DNSCONTROL_ENTRY);
    expect(s.projectId).toBe('mydnsproject');
    expect(s.credentials!.sdkCredentials()).toEqual({ client_email: sa.email, private_key: sa.privateKeyPem, private_key_id: '0000000000000000000000000000000000000000' });
    expect(s.tokenUri).toBeUndefined();
    expect(s.nameServerSet).toBe('optional_name_server_set_name');
    expect(s.apiEndpoint).toBeUndefined();
    expect(s.maxAttempts).toBe(8);
  });

  it('uses Application Default Credentials when only project_id is given, as DNSControl does', () => {
    const s = parseGcloudSettings({ project_id: 'p' });
    expect(s.credentials).toBeUndefined();
  });

  it('honours a token_uri outside Google and an https endpoint in both spellings', () => {
    expect(parseGcloudSettings({ ...DNSCONTROL_ENTRY, token_uri: 'https://127.0.0.1:9443/token' }).tokenUri).toBe('https://127.0.0.1:9443/token');
    expect(parseGcloudSettings({ ...DNSCONTROL_ENTRY, token_uri: 'https://oauth2.googleapis.com/token' }).tokenUri).toBeUndefined();
    expect(parseGcloudSettings({ ...DNSCONTROL_ENTRY, endpoint: 'https://dns.example.net:8443/' }).apiEndpoint).toBe('dns.example.net:8443');
    expect(parseGcloudSettings({ ...DNSCONTROL_ENTRY, endpoint: '127.0.0.1:9443' }).apiEndpoint).toBe('127.0.0.1:9443');
  });

  it('takes visibility and networks from the provider metadata', () => {
    const s = parseGcloudSettings(DNSCONTROL_ENTRY, { visibility: 'private', networks: ['vpc'] });
    expect(s.visibility).toBe('private');
    expect(s.networks).toEqual(['vpc']);
  });

  it.each([
    [{ project_id: '' }, 'project_id', 'is required'],
    [{ ...DNSCONTROL_ENTRY, client_email: '' }, 'client_email', 'is required with private_key'],
    [{ ...DNSCONTROL_ENTRY, private_key: 'not-a-key-zs-SECRET-1' }, 'private_key', 'is not a PEM private key'],
    [{ ...DNSCONTROL_ENTRY, endpoint: 'http://127.0.0.1:9000' }, 'endpoint', 'must use https'],
    [{ ...DNSCONTROL_ENTRY, endpoint: 'https://h/path' }, 'endpoint', 'no path'],
    [{ ...DNSCONTROL_ENTRY, token_uri: 'ftp://x' }, 'token_uri', 'http:// or https://'],
    [{ ...DNSCONTROL_ENTRY, max_attempts: '0' }, 'max_attempts', 'from 1 to 50'],
  ])('refuses a bad entry, naming the key: %#', (creds, key, what) => {
    const e = fails(creds as Record<string, string>);
    expect(e.code).toBe('gcloud-setting-invalid');
    expect(e.message).toContain(`"${key}"`);
    expect(e.message).toContain(what);
    expect(e.message).not.toContain('zs-SECRET');
    expect(e.message).not.toContain(sa.privateKeyPem.split('\n')[1]!);
  });

  it('refuses bad metadata and other key types', () => {
    expect(fails(DNSCONTROL_ENTRY, { visibility: 'internal' }).message).toContain('"visibility"');
    expect(fails(DNSCONTROL_ENTRY, { networks: 'vpc' }).message).toContain('"networks"');
    expect(fails({ ...DNSCONTROL_ENTRY, type: 'authorized_user' }).code).toBe('gcloud-setting-unsupported');
  });

  it('never shows the key: JSON, String and inspect of the settings are redacted', () => {
    const s = parseGcloudSettings(DNSCONTROL_ENTRY);
    const shown = [inspect(s, { depth: 10 }), JSON.stringify(s), String(s.credentials)].join('\n');
    expect(shown).not.toContain('PRIVATE KEY');
    expect(shown).not.toContain(sa.privateKeyPem.split('\n')[1]!);
    expect(shown).not.toContain('0000000000000000000000000000000000000000');
    expect(shown).toContain('[redacted]');
  });

  it('reports an unreadable ca_file when the instance is made', () => {
    const s = gcloudProvider.parseSettings({ ...DNSCONTROL_ENTRY, ca_file: 'no/such/ca.pem' }, {});
    expect(() => gcloudProvider.create(s, { log: () => undefined, configDir: '/nonexistent' })).toThrow(/GCLOUD setting "ca_file": cannot read CA certificates from no\/such\/ca\.pem/);
  });
});
