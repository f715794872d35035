// The real binary in a real terminal (tmux): the live view draws, reacts to keys, and quits.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `ordersync-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
/** The pane's text; with `escapes`, with the colours tmux draws as SGR sequences. */
const screen = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session);
// A foreground colour (red, green, yellow …) as tmux writes it back: ESC [ 3x m, alone or in a list.
const COLOUR = /\x1b\[(?:[0-9;]*;)?3[1-7](?:;[0-9;]*)?m/;

// Generous: under a loaded CI machine (two cores, other test files spawning processes) the first
// draw through tsx once took longer than 15 s; alone it takes about 2 s.
async function waitFor(predicate: (text: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (predicate(text) || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!hasTmux)('ordersync status in a terminal', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ordersync-tty-')), 'ledger.db');

  beforeAll(async () => {
    expect((await runCli(['--db', db, 'demo'])).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    spawnSync('tmux', ['-L', session, 'kill-server']);
  });

  it('draws the view, moves between panes with tab, and quits with q', async () => {
    const entry = resolve('test/support/cli-entry.ts');
    const command = `NO_COLOR=1 ${process.execPath} --import tsx ${entry} --config config.example.yml --db ${db} status; echo EXITED:$?; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', '-c', resolve('.'), command);
    const first = await waitFor((text) => text.includes('▸ channels'));
    expect(first).toMatch(/woo\s+woocommerce/);
    expect(first).toContain('all good');
    expect(screen(true)).not.toMatch(COLOUR); // NO_COLOR=1
    tmux('send-keys', '-t', session, 'Tab');
    const second = await waitFor((text) => text.includes('▸ targets'));
    expect(second).toContain('▸ targets');
    tmux('send-keys', '-t', session, 'q');
    const after = await waitFor((text) => text.includes('EXITED:'));
    expect(after).toContain('EXITED:0');
  }, 150_000);

  it('draws in colour on a terminal, and none with --no-color', async () => {
    const entry = resolve('test/support/cli-entry.ts');
    const start = (flags: string) => {
      spawnSync('tmux', ['-L', session, 'kill-server']);
      const command = `${process.execPath} --import tsx ${entry} ${flags} --config config.example.yml --db ${db} status; sleep 30`;
      tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50', '-c', resolve('.'), command);
    };
    start('');
    await waitFor((text) => text.includes('all good'));
    expect(screen(true)).toMatch(COLOUR);
    start('--no-color');
    await waitFor((text) => text.includes('all good'));
    expect(screen(true)).not.toMatch(COLOUR);
  }, 150_000);
});
