// The real binary in a real terminal (tmux): the live view draws, reacts to keys, quits, and
// colours only when it may.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A foreground colour (red, green, yellow …) as tmux writes it back: ESC [ 3x m, alone or in a list.
const COLOUR = /\x1b\[(?:[0-9;]*;)?3[1-7](?:;[0-9;]*)?m/;

interface Terminal {
  /** The pane's text; with `escapes`, with the colours tmux draws as SGR sequences. */
  screen(escapes?: boolean): string;
  keys(key: string): void;
  /** Waits until the screen satisfies the predicate (or the time is up) and returns it. */
  waitFor(predicate: (text: string) => boolean): Promise<string>;
}

// Each terminal is its own tmux server (its own socket), so none waits on another one's shutdown.
const sockets: string[] = [];

function openTerminal(command: string): Terminal {
  const socket = `ordersync-test-${process.pid}-${sockets.length}`;
  sockets.push(socket);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'view', '-x', '160', '-y', '50', '-c', resolve('.'), command);
  const screen = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'view');
  return {
    screen,
    keys: (key) => void tmux('send-keys', '-t', 'view', key),
    // Generous: on a loaded CI machine (two cores, other test files spawning processes) the first
    // draw through tsx once took longer than 15 s; alone it takes about 2 s.
    async waitFor(predicate) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const text = screen();
        if (predicate(text) || Date.now() > deadline) return text;
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

describe.skipIf(!hasTmux)('ordersync status in a terminal', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ordersync-tty-')), 'ledger.db');
  const entry = resolve('test/support/cli-entry.ts');
  // CI=true as on a CI runner: ink, when it believes it runs in CI, draws only the last frame,
  // and the view must draw live in a terminal all the same. The colour variables are the test's
  // own, whatever the runner's environment holds.
  const status = (before: string, flags = '') =>
    `env -u NO_COLOR -u FORCE_COLOR CI=true ${before}${process.execPath} --import tsx ${entry} ${flags} --config config.example.yml --db ${db} status; echo EXITED:$?; sleep 30`;

  beforeAll(async () => {
    expect((await runCli(['--db', db, 'demo'])).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    for (const socket of sockets) spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('draws the view, moves between panes with tab, and quits with q', async () => {
    const terminal = openTerminal(status('NO_COLOR=1 '));
    const first = await terminal.waitFor((text) => text.includes('▸ channels'));
    expect(first).toMatch(/woo\s+woocommerce/);
    expect(first).toContain('all good');
    expect(terminal.screen(true)).not.toMatch(COLOUR); // NO_COLOR=1
    terminal.keys('Tab');
    expect(await terminal.waitFor((text) => text.includes('▸ targets'))).toContain('▸ targets');
    terminal.keys('q');
    expect(await terminal.waitFor((text) => text.includes('EXITED:'))).toContain('EXITED:0');
  }, 150_000);

  it('draws in colour on a terminal, and none with --no-color', async () => {
    const coloured = openTerminal(status(''));
    await coloured.waitFor((text) => text.includes('all good'));
    expect(coloured.screen(true)).toMatch(COLOUR);
    const plain = openTerminal(status('', '--no-color'));
    await plain.waitFor((text) => text.includes('all good'));
    expect(plain.screen(true)).not.toMatch(COLOUR);
  }, 150_000);
});
