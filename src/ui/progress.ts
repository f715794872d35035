// Live progress on stderr while a run works: per channel pages and orders so far, per target
// delivered of total and the rate. Only on a terminal (and not with --quiet): log lines are
// printed above the board, which is redrawn in place; elsewhere nothing is animated.

export interface ProgressBoard {
  channel(name: string, pages: number, orders: number): void;
  target(name: string, delivered: number, total: number): void;
  /** Prints a log line without tearing the board. */
  print(line: string): void;
  /** Removes the board; the summary follows. */
  close(): void;
}

const REDRAW_MS = 100;

export function createProgressBoard(stream: NodeJS.WriteStream, live: boolean, now: () => number = Date.now): ProgressBoard {
  if (!live) {
    return { channel() {}, target() {}, print: (line) => void stream.write(line + '\n'), close() {} };
  }
  const rows = new Map<string, string>();
  const started = new Map<string, number>();
  let drawn = 0;
  let lastDraw = 0;

  const erase = () => {
    if (drawn > 0) stream.write(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const draw = (force = false) => {
    if (!force && now() - lastDraw < REDRAW_MS) return;
    lastDraw = now();
    erase();
    const lines = [...rows.values()];
    if (lines.length > 0) stream.write(lines.join('\n') + '\n');
    drawn = lines.length;
  };

  return {
    channel(name, pages, orders) {
      rows.set(`channel ${name}`, `  pull ${name}: page ${pages}, ${orders} orders`);
      draw();
    },
    target(name, delivered, total) {
      if (!started.has(name)) started.set(name, now());
      const seconds = Math.max(0.001, (now() - started.get(name)!) / 1000);
      rows.set(`target ${name}`, `  push ${name}: ${delivered} of ${total} delivered, ${(delivered / seconds).toFixed(1)}/s`);
      draw();
    },
    print(line) {
      erase();
      stream.write(line + '\n');
      draw(true);
    },
    close() {
      erase();
      rows.clear();
    },
  };
}
