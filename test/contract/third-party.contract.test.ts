// A connector written outside ordersync: loaded from the config with `connector:`, checked
// against the SDK interface, and held to the same contract as the built-in ones.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRuntime } from '../../src/cli/runtime.js';
import { normalizeConfig } from '../../src/config/load.js';
import { silentLogger } from '../../src/connector-kit/index.js';
import { describeChannelContract } from '../../src/testing/index.js';
import { tinyShop } from '../fixtures/tiny-shop.js';

describeChannelContract({
  channel: tinyShop,
  settings: (url) => ({ url, token: 'tiny-token', limit: 10 }),
  badCredentials: (url) => ({ url, token: 'wrong', limit: 10 }),
  orders: 45,
});

describe('third-party connectors in the config', () => {
  const fixtures = resolve('test/fixtures');

  it('loads the module named by `connector:` and checks its block with its own schema', async () => {
    const config = normalizeConfig({ channels: { mine: { kind: 'tiny-shop', connector: './tiny-shop.ts', url: 'http://127.0.0.1:1', token: 't' } } }, join(fixtures, 'ordersync.config.yml'), {});
    const runtime = await buildRuntime(config, silentLogger);
    expect(runtime.channels[0]?.definition.id).toBe('tiny-shop');
    expect(runtime.channels[0]?.ctx.settings).toEqual({ url: 'http://127.0.0.1:1', token: 't', limit: 10 });
  });

  it('refuses a module that does not export a connector, and one that cannot load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-3p-'));
    writeFileSync(join(dir, 'not-a-connector.mjs'), 'export const hello = () => "hi";\n');
    const config = normalizeConfig({ channels: {
      a: { kind: 'x', connector: './not-a-connector.mjs' },
      b: { kind: 'y', connector: './missing.mjs' },
    } }, join(dir, 'ordersync.config.yml'), {});
    await expect(buildRuntime(config, silentLogger)).rejects.toMatchObject({
      problems: [
        'channels.a.connector: "./not-a-connector.mjs" exports no channel made with defineChannel()',
        expect.stringMatching(/^channels\.b\.connector: cannot load "\.\/missing\.mjs"/),
      ],
    });
  });
});
