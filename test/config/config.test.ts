import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadConfig, normalizeConfig } from '../../src/config/load.js';
import { buildRuntime } from '../../src/cli/runtime.js';
import { silentLogger } from '../../src/connector-kit/index.js';

const write = (name: string, text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-config-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: join(dir, name) };
};

const minimal = {
  channels: { shop: { kind: 'woocommerce', url: 'https://shop.example.com', consumerKey: '${WOO_KEY}', consumerSecret: '${WOO_SECRET}' } },
  targets: { hooks: { kind: 'webhook', url: 'https://hooks.example.com/orders', secret: '${HOOK_SECRET}' } },
};
const env = { WOO_KEY: 'ck_live_1234', WOO_SECRET: 'cs_live_5678', HOOK_SECRET: 'whsec_0123456789abcdef' };

describe('config', () => {
  it('replaces ${VAR} from the environment and treats the values as secrets', () => {
    const config = normalizeConfig(minimal, '/etc/ordersync/ordersync.config.yml', env);
    expect(config.channels[0]?.settings).toMatchObject({ consumerKey: 'ck_live_1234' });
    expect(config.secrets).toEqual(expect.arrayContaining(['ck_live_1234', 'cs_live_5678', 'whsec_0123456789abcdef']));
    expect(config.database).toBe('/etc/ordersync/ordersync.db');
    expect(config.warnings).toEqual([]);
  });

  it('names every missing variable at its path, all at once', () => {
    expect(() => normalizeConfig(minimal, 'cfg.yml', {})).toThrow(ConfigError);
    try {
      normalizeConfig(minimal, 'cfg.yml', {});
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'channels.shop.consumerKey: environment variable WOO_KEY is not set',
        'channels.shop.consumerSecret: environment variable WOO_SECRET is not set',
        'targets.hooks.secret: environment variable HOOK_SECRET is not set',
      ]);
      expect((error as ConfigError).exitCode).toBe(2);
    }
  });

  it('uses ${VAR:-default} when the variable is unset', () => {
    const config = normalizeConfig({ database: '${DB:-/tmp/x.db}' }, null, {});
    expect(config.database).toBe('/tmp/x.db');
  });

  it('reports schema problems with their paths', () => {
    const bad = { ...minimal, targets: { hooks: { ...minimal.targets.hooks, rateLimit: { interval: -5 } } }, extra: 1 };
    expect(() => normalizeConfig(bad, 'cfg.yml', env)).toThrow(/targets\.hooks\.rateLimit\.interval: Too small: expected number to be >0/);
  });

  it('warns about a secret written inline', () => {
    const inline = { channels: { shop: { ...minimal.channels.shop, consumerKey: 'ck_inline_9999', consumerSecret: 'cs_inline_9999' } } };
    const config = normalizeConfig(inline, 'cfg.yml', env);
    expect(config.warnings[0]).toMatch(/channels\.shop\.consumerKey is written in the config file/);
  });

  it('refuses routing to a target that does not exist', () => {
    expect(() => normalizeConfig({ ...minimal, routing: [{ target: 'wms' }] }, 'cfg.yml', env)).toThrow(/routing\.0\.target: no target named "wms"/);
  });

  it('checks each connector block with the connector\'s own schema, typos included', async () => {
    const config = normalizeConfig({
      channels: { shop: { kind: 'woocommerce', url: 'not a url', consumerKey: 'k', consumerSecret: 's', pagesize: 5 } },
      targets: { crm: { kind: 'salesforce' } },
    }, 'cfg.yml', {});
    await expect(buildRuntime(config, silentLogger)).rejects.toThrow(ConfigError);
    await buildRuntime(config, silentLogger).catch((error: ConfigError) => {
      expect(error.problems).toEqual(expect.arrayContaining([
        expect.stringMatching(/^channels\.shop\.url: /),
        expect.stringMatching(/^channels\.shop: Unrecognized key: "pagesize"/),
        expect.stringMatching(/^targets\.crm\.kind: unknown target kind "salesforce" \(built in: webhook/),
      ]));
    });
  });

  it('finds ordersync.config.yml by itself, and reports bad YAML with a line', async () => {
    const { dir } = write('ordersync.config.yml', 'database: ./here.db\n');
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config.database).toBe(join(dir, 'here.db'));
    const broken = write('broken.yml', 'channels:\n  shop: [unclosed\n');
    await expect(loadConfig({ file: broken.file, env: {} })).rejects.toThrow(/is not valid YAML/);
    await expect(loadConfig({ file: join(dir, 'nope.yml'), env: {} })).rejects.toThrow(/does not exist/);
  });

  it('config.example.yml is valid as shipped', async () => {
    const config = await loadConfig({ file: 'config.example.yml', env: {} });
    const runtime = await buildRuntime(config, silentLogger);
    expect(runtime.channels.length).toBeGreaterThan(0);
    expect(runtime.targets.length).toBeGreaterThan(0);
  });
});
