import { describe, expect, it } from 'vitest';
import { createProgressBoard } from '../../src/ui/progress.js';

const stream = () => {
  const writes: string[] = [];
  return { writes, stream: { write: (text: string) => { writes.push(text); return true; } } as unknown as NodeJS.WriteStream };
};

describe('progress board', () => {
  it('on a terminal, redraws channel and target lines in place and keeps log lines above them', () => {
    const { writes, stream: out } = stream();
    let t = 0;
    const board = createProgressBoard(out, true, () => t);
    board.channel('woo', 1, 100);
    t += 200;
    board.target('erp', 10, 40);
    t += 1000;
    board.target('erp', 30, 40);
    board.print('channel woo: 100 received');
    board.close();
    const screen = writes.join('');
    expect(screen).toContain('  pull woo: page 1, 100 orders\n');
    expect(screen).toMatch(/push erp: 30 of 40 delivered, 30\.0\/s/);
    expect(screen).toContain('\x1b[2A\x1b[0J'); // the two board lines erased before redrawing
    expect(screen).toContain('channel woo: 100 received\n');
    expect(writes.at(-1)).toBe('\x1b[2A\x1b[0J');
  });

  it('elsewhere (cron, pipes, --quiet), prints log lines only and animates nothing', () => {
    const { writes, stream: out } = stream();
    const board = createProgressBoard(out, false);
    board.channel('woo', 1, 100);
    board.target('erp', 10, 40);
    board.print('target erp: 40 delivered');
    board.close();
    expect(writes).toEqual(['target erp: 40 delivered\n']);
  });
});
