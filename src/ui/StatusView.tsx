// The live status view: channels, targets, dead deliveries and recent runs, refreshed every
// couple of seconds from a read-only ledger connection. The view only renders and reads keys;
// loading and requeueing are handed in.
import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StatusSnapshot } from '../ledger/index.js';
import { clip, formatTable } from './format.js';
import { attention, channelRows, runRows, targetRows, type StatusOptions } from './status-rows.js';

export const PANES = ['channels', 'targets', 'dead', 'runs'] as const;
export type Pane = (typeof PANES)[number];

export interface StatusViewProps {
  load(): StatusSnapshot;
  requeue(deliveryId: number): void;
  options: Omit<StatusOptions, 'now'>;
  refreshMs: number;
  color: boolean;
  now?: () => number;
}

export function StatusView({ load, requeue, options, refreshMs, color, now = Date.now }: StatusViewProps) {
  const { exit } = useApp();
  const [snapshot, setSnapshot] = useState<StatusSnapshot>(() => load());
  const [pane, setPane] = useState<Pane>('channels');
  const [selected, setSelected] = useState(0);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const refresh = useCallback(() => setSnapshot(load()), [load]);
  // Keys may arrive before the handler sees the latest render: read current state through a ref.
  const current = useRef({ pane, selected, snapshot });
  current.current = { pane, selected, snapshot };

  useEffect(() => {
    const timer = setInterval(refresh, refreshMs);
    return () => clearInterval(timer);
  }, [refresh, refreshMs]);

  useInput((input, key) => {
    if (input === 'q' || key.escape) return exit();
    if (input === 'r') return refresh();
    const move = (step: number) => {
      setPane((current) => PANES[(PANES.indexOf(current) + step + PANES.length) % PANES.length]!);
      setOpen(false);
    };
    if (key.tab || key.rightArrow) return move(key.shift ? -1 : 1);
    if (key.leftArrow) return move(-1);
    const now = current.current;
    if (now.pane !== 'dead') return;
    if (key.upArrow) setSelected((s) => Math.max(0, s - 1));
    if (key.downArrow) setSelected((s) => Math.min(now.snapshot.dead.length - 1, s + 1));
    if (key.return) setOpen((o) => !o);
    const delivery = now.snapshot.dead[now.selected];
    if (input === 'R' && delivery) {
      requeue(delivery.id);
      setMessage(`delivery ${delivery.id} requeued: the next push sends it`);
      setOpen(false);
      refresh();
    }
  });

  const at = now();
  const rowOptions = { ...options, now: at };
  const problems = attention(snapshot, rowOptions);
  const tone = (on: boolean, c: string) => (color && on ? c : undefined);
  const dead = snapshot.dead[Math.min(selected, Math.max(0, snapshot.dead.length - 1))];

  return (
    <Box flexDirection="column">
      <Text bold>ordersync status  {snapshot.at.slice(0, 19).replace('T', ' ')} UTC</Text>
      <Section title="channels" active={pane === 'channels'} color={color} lines={formatTable(channelRows(snapshot, rowOptions))} empty="no channel has been pulled yet" warn={(line) => line.includes('STALE')} />
      <Section title="targets" active={pane === 'targets'} color={color} lines={formatTable(targetRows(snapshot, rowOptions))} empty="no deliveries yet" />
      <Section title="dead deliveries" active={pane === 'dead'} color={color} empty="none"
        lines={formatTable(snapshot.dead.map((d) => ({ id: d.id, target: d.target, order: d.order, event: d.eventType, reason: clip(d.lastError, 60) })))}
        selected={pane === 'dead' ? selected : undefined} />
      {pane === 'dead' && open && dead && (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text>delivery {dead.id} to {dead.target} ({dead.eventType}), {dead.attempts} attempts</Text>
          <Text color={tone(true, 'red')}>{dead.lastError}</Text>
          <Text dimColor>{clip(dead.payload, 600)}</Text>
          <Text>R requeue · enter close</Text>
        </Box>
      )}
      <Section title="recent runs" active={pane === 'runs'} color={color} lines={formatTable(runRows(snapshot, rowOptions))} empty="no runs yet" />
      {problems.length > 0
        ? problems.map((p) => <Text key={p} color={tone(true, 'red')}>! {p}</Text>)
        : <Text color={tone(true, 'green')}>all good</Text>}
      {message !== '' && <Text color={tone(true, 'yellow')}>{message}</Text>}
      <Text dimColor>q quit · r refresh · tab/←→ pane · ↑↓ select · enter details · R requeue</Text>
    </Box>
  );
}

interface SectionProps {
  title: string;
  active: boolean;
  color: boolean;
  lines: string[];
  empty: string;
  selected?: number;
  warn?: (line: string) => boolean;
}

function Section({ title, active, color, lines, empty, selected, warn }: SectionProps) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold inverse={active}>{active ? `▸ ${title}` : `  ${title}`}</Text>
      {lines.length === 0 && <Text dimColor>  {empty}</Text>}
      {lines.map((line, i) => {
        const isSelected = selected !== undefined && i - 2 === selected;
        return (
          <Text key={i} inverse={isSelected} color={color && warn?.(line) ? 'red' : undefined}>
            {isSelected ? '› ' : '  '}{line}
          </Text>
        );
      })}
    </Box>
  );
}
