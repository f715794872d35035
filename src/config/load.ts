// Finds and reads the configuration: cosmiconfig discovery (or --config), YAML parse,
// ${ENV} interpolation, schema check, then normalization (defaults, paths relative to the file).
import { dirname, isAbsolute, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { interpolate } from './interpolate.js';
import { describeIssues } from './issues.js';
import { COMMON_KEYS, ConfigSchema, type ConfigFile } from './schema.js';
import type { RateLimit } from '../connector-kit/index.js';
import type { Route } from '../routing/rules.js';
import { mergeSkuMaps, readSkuMapCsv } from '../stock/sku-map-csv.js';

export interface ConnectorBlock {
  name: string;
  kind: string;
  connector: string | undefined;
  timeoutMs: number;
  /** The block without the shared keys: what the connector's own schema checks. */
  settings: Record<string, unknown>;
  /** Where the block sits in the config, for messages: `channels.shop`. */
  path: string;
}

export interface Config {
  file: string | null;
  dir: string;
  database: string;
  channels: ConnectorBlock[];
  targets: (ConnectorBlock & { rateLimit: Partial<RateLimit> })[];
  routing: Route[] | undefined;
  push: ConfigFile['push'];
  status: ConfigFile['status'];
  stock: StockConfig | undefined;
  secrets: string[];
  warnings: string[];
}

/** `stock:` normalized: the CSV path made absolute (relative to the config file), and `skuMap` holding the rows of `skuMapCsv` too. */
export type StockConfig = Omit<NonNullable<ConfigFile['stock']>, 'source'> & {
  source: { kind: 'target'; target: string } | { kind: 'csv'; file: string };
};

const SEARCH_PLACES = ['package.json', '.ordersyncrc', '.ordersyncrc.yml', '.ordersyncrc.yaml', '.ordersyncrc.json', 'ordersync.config.yml', 'ordersync.config.yaml'];
const SECRET_KEY = /(secret|token|password|passwd|api[-_]?key|consumer[-_]?key|private[-_]?key)$/i;

function loadYaml(file: string, content: string): unknown {
  try {
    return parseYaml(content, { prettyErrors: true }) ?? {};
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { hint: 'fix the YAML syntax at the line shown' });
  }
}

export async function loadConfig(options: { file?: string; cwd?: string; env?: NodeJS.ProcessEnv }): Promise<Config> {
  const cwd = options.cwd ?? process.cwd();
  const explorer = cosmiconfig('ordersync', {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'project',
    loaders: { '.yml': loadYaml, '.yaml': loadYaml, noExt: loadYaml },
  });
  let found: { filepath: string; config: unknown } | null;
  try {
    found = options.file ? await explorer.load(resolve(cwd, options.file)) : await explorer.search(cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`config file ${options.file} does not exist`, { hint: 'pass --config with the path of your ordersync.config.yml' });
    throw new ConfigError(`cannot read the config: ${(error as Error).message}`);
  }
  if (!found) {
    throw new ConfigError('no configuration found (ordersync.config.yml, .ordersyncrc*, or "ordersync" in package.json)', {
      hint: 'pass --config FILE, or copy config.example.yml to ordersync.config.yml',
    });
  }
  return normalizeConfig(found.config ?? {}, found.filepath, options.env ?? process.env);
}

export function normalizeConfig(input: unknown, file: string | null, env: NodeJS.ProcessEnv): Config {
  const interpolated = interpolate(input, env);
  const parsed = ConfigSchema.safeParse(interpolated.value);
  const problems = [...interpolated.problems, ...(parsed.success ? [] : describeIssues(parsed.error, ''))];
  if (!parsed.success || problems.length > 0) throw configProblems(file, problems);
  const config = parsed.data;
  const dir = file ? dirname(file) : process.cwd();
  const warnings: string[] = [];
  const secrets = [...interpolated.secrets];

  const block = (section: 'channels' | 'targets', name: string, raw: Record<string, unknown>): ConnectorBlock => {
    // A target's rateLimit is the push queue's; a channel's belongs to its connector's settings.
    const shared: readonly string[] = section === 'targets' ? COMMON_KEYS : COMMON_KEYS.filter((key) => key !== 'rateLimit');
    const settings = Object.fromEntries(Object.entries(raw).filter(([key]) => !shared.includes(key)));
    for (const [key, value] of Object.entries(settings)) {
      if (!SECRET_KEY.test(key) || typeof value !== 'string') continue;
      secrets.push(value);
      if (!interpolated.fromEnv.has(`${section}.${name}.${key}`)) {
        warnings.push(`${section}.${name}.${key} is written in the config file; prefer \${ENV_VAR} so the secret stays out of it`);
      }
    }
    return {
      name, kind: String(raw.kind), connector: raw.connector as string | undefined,
      timeoutMs: Number(raw.timeoutSeconds) * 1000, settings, path: `${section}.${name}`,
    };
  };

  const channels = Object.entries(config.channels).filter(([, raw]) => raw.enabled).map(([name, raw]) => block('channels', name, raw));
  const targets = Object.entries(config.targets).filter(([, raw]) => raw.enabled)
    .map(([name, raw]) => ({ ...block('targets', name, raw), rateLimit: raw.rateLimit ?? {} }));

  const targetNames = new Set(Object.keys(config.targets));
  const routeProblems = (config.routing ?? []).flatMap((route, i) =>
    targetNames.has(route.target) ? [] : [`routing.${i}.target: no target named "${route.target}" (targets: ${[...targetNames].join(', ') || 'none'})`]);
  if (routeProblems.length > 0) throw configProblems(file, routeProblems);
  const stockProblems = config.stock ? checkStock(config.stock, Object.keys(config.channels), targetNames) : [];
  if (stockProblems.length > 0) throw configProblems(file, stockProblems);
  const besideConfig = (path: string) => (isAbsolute(path) ? path : resolve(dir, path));
  let skuMap = config.stock?.skuMap ?? {};
  if (config.stock?.skuMapCsv) {
    const merged = mergeSkuMaps(skuMap, readSkuMapCsv(besideConfig(config.stock.skuMapCsv), Object.keys(config.channels)));
    if (merged.problems.length > 0) throw configProblems(file, merged.problems);
    skuMap = merged.map;
  }
  const stock: StockConfig | undefined = config.stock && {
    ...config.stock,
    skuMap,
    source: typeof config.stock.source === 'string' ? { kind: 'target', target: config.stock.source }
      : { kind: 'csv', file: besideConfig(config.stock.source.csv) },
  };

  return {
    file, dir,
    database: isAbsolute(config.database) ? config.database : resolve(dir, config.database),
    channels, targets, routing: config.routing, push: config.push, status: config.status, stock,
    secrets: [...new Set(secrets.filter((s) => s.length >= 4))], warnings,
  };
}

/** Cross-field rules of `stock:`: names that exist, bundles of plain SKUs. */
function checkStock(stock: NonNullable<ConfigFile['stock']>, channels: string[], targets: Set<string>): string[] {
  const problems: string[] = [];
  if (typeof stock.source === 'string' && !targets.has(stock.source)) {
    problems.push(`stock.source: no target named "${stock.source}" (targets: ${[...targets].join(', ') || 'none'}; or { csv: FILE })`);
  }
  for (const target of stock.targets) {
    if (!targets.has(target)) problems.push(`stock.targets: no target named "${target}" (targets: ${[...targets].join(', ') || 'none'})`);
    else if (target === stock.source) problems.push(`stock.targets: "${target}" is the stock source; it reports the figures the others take`);
  }
  for (const section of ['allocation', 'skuMap'] as const) {
    for (const channel of Object.keys(stock[section])) {
      if (!channels.includes(channel)) problems.push(`stock.${section}.${channel}: no channel named "${channel}" (channels: ${channels.join(', ') || 'none'})`);
    }
  }
  for (const [bundle, components] of Object.entries(stock.bundles)) {
    if (Object.keys(components).length === 0) problems.push(`stock.bundles.${bundle}: a bundle needs at least one component`);
    for (const component of Object.keys(components)) {
      if (component in stock.bundles) problems.push(`stock.bundles.${bundle}.${component}: a component cannot itself be a bundle`);
    }
  }
  return problems;
}

export function configProblems(file: string | null, problems: string[]): ConfigError {
  const where = file ?? 'the configuration';
  return new ConfigError(`${where} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, {
    problems, hint: 'fix each line above; `ordersync config check` re-checks without running anything',
  });
}
