// What the headroom needs to know of each configured connector: its rate limit and, for a
// channel, its page size. Read from the runtime's definitions and validated settings, duck-typed:
// channel definitions have no rate-limit field of their own, so a channel's limit is a documented
// figure its definition or settings expose (Amazon's `rateLimit: { ratePerSecond, burst }`), or unknown.
import { hourlyLimitOf, type HourlyLimit } from './headroom.js';
import type { ChannelFacts, TargetFacts } from './build-report.js';

interface ConfiguredChannel {
  name: string;
  definition: { id: string };
  ctx: { settings: unknown };
}

interface ConfiguredTarget {
  name: string;
  definition: { id: string };
  rateLimit: unknown;
}

export function channelFacts(channel: ConfiguredChannel): ChannelFacts {
  const settings = (channel.ctx.settings ?? {}) as { pageSize?: unknown; rateLimit?: unknown };
  const limit = hourlyLimitOf((channel.definition as { rateLimit?: unknown }).rateLimit) ?? hourlyLimitOf(settings.rateLimit);
  const pageSize = typeof settings.pageSize === 'number' && settings.pageSize > 0 ? settings.pageSize : null;
  return { name: channel.name, kind: channel.definition.id, pageSize, limit };
}

/** A target's limit is the one its push queue runs with (connector default merged with config). */
export function targetFacts(target: ConfiguredTarget): TargetFacts | undefined {
  const limit: HourlyLimit | undefined = hourlyLimitOf(target.rateLimit);
  return limit && { name: target.name, kind: target.definition.id, limit };
}
