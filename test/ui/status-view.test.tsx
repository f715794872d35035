import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { StatusSnapshot } from '../../src/ledger/index.js';
import { StatusView } from '../../src/ui/StatusView.js';
import { sparkline } from '../../src/ui/format.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const snapshot = (dead = 1): StatusSnapshot => ({
  at: '2026-11-25T12:00:00.000Z',
  channels: [
    { channel: 'woo', lastPullAt: '2026-11-25T11:59:00.000Z', lastSuccessAt: '2026-11-25T11:59:00.000Z', lastError: null, lastErrorAt: null, cursor: { updatedAt: '2026-11-25T11:58:00.000Z' }, ordersToday: 42, quarantined: 1, perHour: Array.from({ length: 24 }, (_, i) => i % 5) },
    { channel: 'amazon', lastPullAt: '2026-11-25T09:00:00.000Z', lastSuccessAt: '2026-11-25T08:00:00.000Z', lastError: 'HTTP 503', lastErrorAt: '2026-11-25T09:00:00.000Z', cursor: null, ordersToday: 0, quarantined: 0, perHour: new Array(24).fill(0) },
  ],
  targets: [{ target: 'erp', deliveries: { pending: 3, in_flight: 1, retry: 2, dead, done: 40 }, lastSuccessAt: '2026-11-25T11:59:30.000Z', deliveredLastHour: 40, pausedUntil: '2026-11-25T12:00:30.000Z', lastError: null, quarantined: 0, shipmentCursor: null }],
  dead: dead ? [{ id: 7, target: 'erp', order: 'woo #1042', eventType: 'order.created', attempts: 1, lastError: 'HTTP 422: unknown product MUG-12OZ', payload: '{"number":"#1042"}' }] : [],
  runs: [{ id: 3, command: 'sync', startedAt: '2026-11-25T11:59:00.000Z', endedAt: '2026-11-25T11:59:02.000Z', outcome: 'ok', error: null }],
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('StatusView', () => {
  const props = (load: () => StatusSnapshot, requeue = vi.fn()) => ({
    load, requeue, options: { staleAfterMinutes: 60, kinds: { woo: 'woocommerce', amazon: 'amazon' } }, refreshMs: 60_000, color: false, now: () => NOW,
  });

  it('shows channels with age, staleness and the last error; targets with their counts and pause', () => {
    const { lastFrame, unmount } = render(createElement(StatusView, props(() => snapshot())));
    const frame = lastFrame() ?? '';
    expect(frame).toMatch(/woo\s+woocommerce\s+60 s ago\s+2026-11-25T11:58:00\s+42\s+1/);
    expect(frame).toMatch(/amazon\s+amazon\s+4 h ago\s+STALE/);
    expect(frame).toContain('HTTP 503');
    expect(frame).toMatch(/erp\s+3\s+1\s+2\s+1\s+30 s ago\s+40\s+until 12:00:30/);
    expect(frame).toContain(sparkline(Array.from({ length: 24 }, (_, i) => i % 5)));
    expect(frame).toContain('! target erp: 1 dead deliveries');
    expect(frame).toContain('! channel amazon: no successful pull for over 60 min');
    unmount();
  });

  it('moves to the dead pane, opens a delivery and requeues it with R', async () => {
    let dead = 1;
    const requeue = vi.fn(() => { dead = 0; });
    const { stdin, lastFrame, unmount } = render(createElement(StatusView, props(() => snapshot(dead), requeue)));
    await tick();
    stdin.write('\t');
    await tick();
    stdin.write('\t');
    await tick();
    expect(lastFrame()).toContain('▸ dead deliveries');
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toContain('delivery 7 to erp (order.created), 1 attempts');
    expect(lastFrame()).toContain('{"number":"#1042"}');
    stdin.write('R');
    await tick();
    expect(requeue).toHaveBeenCalledWith(7);
    expect(lastFrame()).toContain('delivery 7 requeued');
    expect(lastFrame()).not.toContain('woo #1042');
    unmount();
  });

  it('r reloads from the ledger', async () => {
    const load = vi.fn(() => snapshot());
    const { stdin, unmount } = render(createElement(StatusView, props(load)));
    await tick();
    const before = load.mock.calls.length;
    stdin.write('r');
    await tick();
    expect(load.mock.calls.length).toBe(before + 1);
    unmount();
  });
});
