// Transport: any endpoint that is not loopback must be https:// unless its config block says
// allowInsecure: true, and TLS certificates are always verified (issue 7, item 6).
//
// Nothing here leaves the machine. Refusals aim at 192.0.2.10 (TEST-NET-1, RFC 5737, never routed;
// an IP, so no DNS query) and must happen before any connection. Where a connection is expected
// (allowInsecure: true) the host is 127.0.0.2: not loopback to ordersync's check, but on this
// machine all the same. And a guard on net.Socket#connect, proven at the start, fails every
// connection to any host but 127.0.0.1 before a packet is sent (./support/net-guard.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CHANNELS, TARGETS } from '../../connectors/index.js';
import { buildRuntime } from '../../src/cli/runtime.js';
import { normalizeConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/connector-kit/index.js';
import { createHttpClient } from '../../src/http/client.js';
import { openLedger } from '../../src/ledger/index.js';
import { pullChannels } from '../../src/pull/pull-channels.js';
import { pushAll } from '../../src/push/push-all.js';
import { makeOrder } from '../support/orders.js';
import { installNetGuard, type NetGuard } from './support/net-guard.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REMOTE = 'http://192.0.2.10:8443';
/** What ordersync must treat as remote, yet stays on this machine: for the cases that do connect. */
const ON_MACHINE_HOST = '127.0.0.2';

let guard: NetGuard;
beforeAll(async () => { guard = await installNetGuard(); });
afterAll(() => guard.uninstall());
afterEach(() => guard.reset());

describe('the HTTP client: plain http only to loopback', () => {
  it.each([
    'http://192.0.2.10', 'http://192.0.2.10:80/api', 'http://example.com', 'http://10.0.0.1:8069', 'http://169.254.169.254/latest',
    'http://localhost.example.com', 'http://127.0.0.1.nip.io', 'http://[::ffff:c000:20a]', 'http://0.0.0.0:7310',
    'http://user:pass@192.0.2.10', 'HTTP://EXAMPLE.COM', 'ftp://192.0.2.10', 'ws://192.0.2.10', 'file:///etc/passwd', 'not a url', '',
  ])('refuses %j when it is built, before any connection', (baseURL) => {
    expect(() => createHttpClient({ baseURL })).toThrow(/is not https|is not a valid URL/);
    expect(guard.attempted).toEqual([]);
  });

  it.each(['https://192.0.2.10', 'https://shop.example.com/wp-json', 'http://127.0.0.1:7310', 'http://localhost:7310', 'http://[::1]:7310'])(
    'accepts %j', (baseURL) => {
      expect(() => createHttpClient({ baseURL })).not.toThrow();
    });

  it('accepts plain http to a remote host only with allowInsecure: true', () => {
    expect(() => createHttpClient({ baseURL: REMOTE })).toThrow(/is not https; use https:\/\/ or set allowInsecure: true/);
    expect(() => createHttpClient({ baseURL: REMOTE, allowInsecure: true })).not.toThrow();
    expect(guard.attempted).toEqual([]);
  });

  // An absolute URL given as the path must stay a path under baseURL (src/http/request-url.ts),
  // or it would carry the client's auth past the check on baseURL.
  it('never lets an absolute http:// path reach another host', async () => {
    const client = createHttpClient({ baseURL: 'https://127.0.0.1:9', retry: { retries: 0 }, auth: { username: 'ck', password: 'cs' } });
    await expect(client.request({ method: 'GET', path: `http://${ON_MACHINE_HOST}:9/steal` })).rejects.toThrow();
    expect(guard.blocked).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every connector, through the runtime, the way `ordersync` builds it from a config.

interface Sample { role: 'channel' | 'target'; kind: string; block: Record<string, unknown> }

/** A working block per connector kind: config.example.yml's, else one written here. */
function samples(): Sample[] {
  const example = parseYaml(readFileSync(join(ROOT, 'config.example.yml'), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
  const byKind = new Map<string, Record<string, unknown>>();
  for (const section of ['channels', 'targets']) {
    for (const block of Object.values(example[section] ?? {})) if (!byKind.has(String(block.kind))) byKind.set(String(block.kind), block);
  }
  const extra: Record<string, Record<string, unknown>> = {
    erpnext: { kind: 'erpnext', url: 'http://127.0.0.1:7321', apiKey: 'erpnext_key', apiSecret: 'erpnext_secret' },
    tryton: { kind: 'tryton', url: 'http://127.0.0.1:7322', database: 'tryton', username: 'admin', password: 'admin' },
  };
  const all = [...CHANNELS.map((c) => ['channel', c.definition.id] as const), ...TARGETS.map((t) => ['target', t.definition.id] as const)];
  return all.map(([role, kind]) => {
    const block = byKind.get(kind) ?? extra[kind];
    if (!block) throw new Error(`no sample config block for the ${role} kind "${kind}": add one to transport.test.ts`);
    // ${VAR:-default} → default: the test runs with no ordersync variables set.
    return { role, kind, block: JSON.parse(JSON.stringify(block).replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1')) as Record<string, unknown> };
  });
}

/** Every URL of the block pointed at `origin` (paths kept). */
function pointAt(value: unknown, origin: string): unknown {
  if (typeof value === 'string' && /^https?:\/\//i.test(value)) {
    const url = new URL(value);
    return `${origin}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
  }
  if (Array.isArray(value)) return value.map((v) => pointAt(v, origin));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pointAt(v, origin)]));
  return value;
}

/** A clock that never waits: retries and pacing run at once. */
function instantClock() {
  let now = Date.parse('2026-11-01T12:00:00Z');
  return { now: () => now, sleep: async (ms: number) => { now += ms; } };
}

async function attempt(sample: Sample, allowInsecure: boolean): Promise<string> {
  const origin = allowInsecure ? `http://${ON_MACHINE_HOST}:9` : REMOTE;
  const block = { ...(pointAt(sample.block, origin) as Record<string, unknown>), ...(allowInsecure ? { allowInsecure: true } : {}) };
  const input = sample.role === 'channel' ? { channels: { subject: block } } : { targets: { subject: block } };
  const config = normalizeConfig(input, null, {});
  const clock = instantClock();
  const runtime = await buildRuntime(config, silentLogger, clock);
  const ledger = openLedger(':memory:');
  try {
    if (sample.role === 'channel') {
      const report = await pullChannels(ledger, runtime.channels, { route: () => [] });
      expect(report.failures).toHaveLength(1);
      return report.failures[0]!.message;
    }
    const order = makeOrder({ currency: 'USD', externalId: '9001', number: '#9001' });
    const us = { ...order.shippingAddress!, city: 'Austin', region: 'TX', postalCode: '78756', countryCode: 'US' };
    ledger.orders.commitPage({ channel: 'shop', orders: [{ order: { ...order, shippingAddress: us }, targets: ['subject'], moneyDifference: 0 }], rejected: [], checkpoint: null }, clock.now());
    await pushAll(ledger, runtime.targets, { maxAttempts: 1, backoffBaseMs: 1, backoffMaxMs: 1, maxWaitMs: 0, clock });
    const dead = ledger.deliveries.listDead();
    expect(dead, 'the one delivery is settled dead after its single attempt').toHaveLength(1);
    return dead[0]!.lastError ?? '';
  } finally {
    ledger.close();
  }
}

describe('every connector refuses a plain-http remote endpoint', () => {
  const all = samples();

  it('covers every connector in the registry', () => {
    expect(all.map((s) => s.kind).sort()).toEqual([...CHANNELS, ...TARGETS].map((e) => e.definition.id).sort());
  });

  it.each(all.map((s) => [`${s.role} ${s.kind}`, s] as const))('%s: refused before any connection', async (_name, sample) => {
    const reason = await attempt(sample, false);
    expect(reason).toMatch(/is not https; use https:\/\/ or set allowInsecure: true/);
    expect(guard.attempted).toEqual([]);
  });

  it.each(all.map((s) => [`${s.role} ${s.kind}`, s] as const))('%s: with allowInsecure: true it goes ahead (and the guard stops it)', async (_name, sample) => {
    const reason = await attempt(sample, true);
    expect(reason).not.toMatch(/is not https/);
    expect(guard.blocked.length, `expected a connection attempt to ${ON_MACHINE_HOST}; got: ${reason}`).toBeGreaterThan(0);
    expect(guard.blocked.every((target) => target.startsWith(`${ON_MACHINE_HOST}:`))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// TLS verification.

// A self-signed certificate for 127.0.0.1 made for this test (openssl req -x509, P-256, 100 years).
const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUTN176q3fSBmHoCa8m/Y2BENySaAwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNTE0NDYzNVoYDzIxMjYxMTAx
MTQ0NjM1WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASTfpPD8n6b/bQlhOU25iQF8XuGiNe2lXTXyGTfbuLQixh1Cy6tDO7k
Cj9EJj1VJcVo7LB4PcyN9aGZEHU89Az0o28wbTAdBgNVHQ4EFgQUK1TFyFX4jFdT
6zKpSkstztN3eo4wHwYDVR0jBBgwFoAUK1TFyFX4jFdT6zKpSkstztN3eo4wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSQAwRgIhAOY4QKZVidaF79Cb9pvs3HmIPQU70UFwkQ0w16Aie21mAiEA
3CFR3btmmEUV6peCtfTYtvO+MlfTBYE2JXcCj4L6jpc=
-----END CERTIFICATE-----`;
const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgFx6r/iTlaJ2UZZo+
p51f65OBkBytxCuH7m2LVV9TJX+hRANCAASTfpPD8n6b/bQlhOU25iQF8XuGiNe2
lXTXyGTfbuLQixh1Cy6tDO7kCj9EJj1VJcVo7LB4PcyN9aGZEHU89Az0
-----END PRIVATE KEY-----`;

describe('TLS verification stays on', () => {
  let server: Server;
  let answered = 0;
  beforeAll(async () => {
    server = createServer({ cert: SELF_SIGNED_CERT, key: SELF_SIGNED_KEY }, (_req, res) => { answered++; res.end('{}'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a server whose certificate it cannot verify, and sends it nothing', async () => {
    const { port } = server.address() as AddressInfo;
    const client = createHttpClient({ baseURL: `https://127.0.0.1:${port}`, retry: { retries: 0 } });
    await expect(client.request({ method: 'GET', path: '/orders' })).rejects.toThrow(/cannot reach .*\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    expect(answered).toBe(0);
  });

  it('no source turns certificate checks off', () => {
    // rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0, a checkServerIdentity that accepts all, or an insecure parser.
    const forbidden = [/rejectUnauthorized\s*:\s*(false|0)/, /NODE_TLS_REJECT_UNAUTHORIZED/, /checkServerIdentity/, /insecureHTTPParser\s*:\s*true/, /secureOptions|SSL_OP_/];
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'), join(ROOT, 'connectors'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of forbidden) if (pattern.test(text)) offenders.push(`${file.slice(ROOT.length)}: ${pattern}`);
    }
    expect(offenders).toEqual([]);
  });
});

function* sourceFiles(...dirs: string[]): Generator<string> {
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) yield* sourceFiles(path);
      else if (/\.(m|c)?[jt]sx?$/.test(name)) yield path;
    }
  }
}
