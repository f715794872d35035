// Turns the configuration into runnable connectors: resolves each block's kind in the registry
// (or imports a third-party module), checks the block with the connector's own schema, and
// builds its context. All problems are collected and reported together.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CHANNELS, TARGETS } from '../../connectors/index.js';
import { createContext, type ChannelDefinition, type Logger, type TargetDefinition } from '../connector-kit/index.js';
import { configProblems, type Config, type ConnectorBlock } from '../config/load.js';
import { describeIssues } from '../config/issues.js';
import type { Clock } from '../http/token-bucket.js';
import type { ChannelRuntime } from '../pull/pull-channel.js';
import type { TargetRuntime } from '../push/push-target.js';
import { routeOrder } from '../routing/rules.js';
import { fulfillmentQueueName, fulfillmentRuntimes } from '../push/fulfillment-queue.js';
import type { Order } from '../model/index.js';

export interface Runtime {
  channels: ChannelRuntime[];
  targets: TargetRuntime[];
  route(order: Order): string[];
  /** The fulfillment queue of a channel that takes tracking back. */
  confirmOn(channel: string): string | undefined;
}

export async function buildRuntime(config: Config, log: Logger, clock?: Clock): Promise<Runtime> {
  const problems: string[] = [];
  const channels: ChannelRuntime[] = [];
  const targets: TargetRuntime[] = [];

  for (const block of config.channels) {
    const definition = await resolveConnector(block, 'channel', config.dir, problems);
    const settings = definition && checkSettings(definition.settings, block, problems);
    if (!definition || settings === undefined) continue;
    channels.push({ name: block.name, definition: definition as ChannelDefinition, ctx: contextFor('channel', block, settings) });
  }
  for (const block of config.targets) {
    const definition = await resolveConnector(block, 'target', config.dir, problems);
    const settings = definition && checkSettings(definition.settings, block, problems);
    if (!definition || settings === undefined) continue;
    const target = definition as TargetDefinition;
    targets.push({
      name: block.name, definition: target, ctx: contextFor('target', block, settings),
      rateLimit: { ...target.rateLimit, ...block.rateLimit },
    });
  }
  if (problems.length > 0) throw configProblems(config.file, problems);

  function contextFor(role: 'channel' | 'target', block: ConnectorBlock, settings: unknown) {
    return createContext({ role, name: block.name, settings, secrets: config.secrets, log, clock, timeoutMs: block.timeoutMs });
  }

  const targetNames = targets.map((t) => t.name);
  const confirming = fulfillmentRuntimes(channels);
  return {
    channels,
    targets: [...targets, ...confirming],
    route: (order) => routeOrder(order, config.routing, targetNames).map((d) => d.target),
    confirmOn: (channel) => (confirming.some((c) => c.name === fulfillmentQueueName(channel)) ? fulfillmentQueueName(channel) : undefined),
  };
}

type AnyDefinition = ChannelDefinition<unknown, unknown> | TargetDefinition<unknown>;

async function resolveConnector(block: ConnectorBlock, role: 'channel' | 'target', dir: string, problems: string[]): Promise<AnyDefinition | undefined> {
  if (block.connector) return importConnector(block, role, dir, problems);
  const registry = role === 'channel' ? CHANNELS : TARGETS;
  const found = registry.find((entry) => entry.definition.id === block.kind);
  if (!found) {
    const known = registry.map((entry) => entry.definition.id).join(', ');
    problems.push(`${block.path}.kind: unknown ${role} kind "${block.kind}" (built in: ${known}; or name a module with connector:)`);
  }
  return found?.definition as AnyDefinition | undefined;
}

/** A third-party connector: its module exports a definition made with defineChannel/defineTarget. */
async function importConnector(block: ConnectorBlock, role: 'channel' | 'target', dir: string, problems: string[]): Promise<AnyDefinition | undefined> {
  const spec = block.connector!;
  const local = spec.startsWith('.') || isAbsolute(spec);
  const target = local ? pathToFileURL(resolve(dir, spec)).href : spec;
  let module: Record<string, unknown>;
  try {
    module = (await import(target)) as Record<string, unknown>;
  } catch (error) {
    problems.push(`${block.path}.connector: cannot load "${spec}": ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const candidates = [module.default, ...Object.values(module)];
  const definitions = candidates.filter((value): value is AnyDefinition => isDefinition(value, role));
  const definition = definitions.find((value) => value.id === block.kind) ?? definitions[0];
  if (!definition) {
    problems.push(`${block.path}.connector: "${spec}" exports no ${role} made with define${role === 'channel' ? 'Channel' : 'Target'}()`);
    return undefined;
  }
  return definition;
}

export function isDefinition(value: unknown, role: 'channel' | 'target'): value is AnyDefinition {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  const required = role === 'channel' ? ['pullOrders'] : ['deliver'];
  return candidate.role === role && typeof candidate.id === 'string'
    && isSchema(candidate.settings)
    && (role === 'target' || isSchema(candidate.checkpoint))
    && required.every((key) => typeof candidate[key] === 'function');
}

// Duck-typed: a third-party module may bring its own copy of zod.
const isSchema = (value: unknown): boolean => typeof (value as { safeParse?: unknown } | null)?.safeParse === 'function';

function checkSettings(schema: z.ZodType<unknown>, block: ConnectorBlock, problems: string[]): unknown {
  // Unknown keys are typos until proven otherwise: a misspelt option must not be silently ignored.
  const strict = schema instanceof z.ZodObject ? schema.strict() : schema;
  const parsed = strict.safeParse(block.settings);
  if (parsed.success) return parsed.data;
  problems.push(...describeIssues(parsed.error, block.path));
  return undefined;
}
