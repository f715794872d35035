// `npm run bench [-- --size tiny|full] [--only a,b] [--out FILE]`: runs every benchmark section
// in a fresh child process, prints one table (each figure beside its limit, measured in the same
// run, and their ratio) and writes it with the machine's description to bench/BENCHMARKS.md,
// followed by bench/FINDINGS.md (the causes of misses and the proposed fixes, kept by hand).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describeMachine, markdownTable, textTable, verdictOf, type Row } from './lib/report.js';
import { SIZES, type Sizes } from './lib/sizes.js';
import { log } from './lib/scratch.js';
import { startWorker } from './lib/worker.js';

// Cheapest first, so a broken benchmark shows early.
const SECTIONS = ['ledger-write', 'status', 'push-overhead', 'push-rate', 'stock', 'pull', 'memory'] as const;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const sizeName = option('size') ?? 'full';
if (sizeName !== 'tiny' && sizeName !== 'full') {
  process.stderr.write(`bench: --size is tiny or full, not "${sizeName}"\n`);
  process.exit(2);
}
const sizes: Sizes = SIZES[sizeName];
const only = option('only')?.split(',');
const unknown = only?.filter((name) => !(SECTIONS as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`bench: no section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})\n`);
  process.exit(2);
}
const sections = SECTIONS.filter((name) => !only || only.includes(name));
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const out = option('out') ?? (only ? undefined : `${benchDir}BENCHMARKS.md`);

const began = Date.now();
const loadBefore = loadavg();
const rows: Row[] = [];
const failures: string[] = [];
for (const section of sections) {
  // What the last section wrote (the status section alone writes a 1,000,000-order ledger) goes
  // to disk now, not while the next one is measured.
  flushFileSystems();
  const t = Date.now();
  log(`section ${section} (${sizes.name})`);
  const worker = startWorker('section.ts');
  try {
    rows.push(...await worker.call<Row[]>('run', { section, sizes }));
  } catch (error) {
    failures.push(`${section}: ${(error as Error).message.split('\n')[0]}`);
    log(`section ${section} FAILED: ${(error as Error).message}`);
  } finally {
    await worker.stop();
  }
  log(`section ${section} took ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
rows.sort((a, b) => a.item - b.item);
const loadAfter = loadavg();
const seconds = (Date.now() - began) / 1000;

const machine = describeMachine();
const load = `load average ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} after (1/5/15 min)`;
const notes = rows.filter((row) => row.note).map((row) => `- **${row.item}. ${row.name}**: ${row.note}`);
const misses = rows.filter((row) => verdictOf(row) === 'MISS');

process.stdout.write(`${textTable(rows)}\n\n${machine}; ${load}; size ${sizes.name}; ${seconds.toFixed(0)} s\n`);
if (misses.length > 0) process.stdout.write(`${misses.length} targets missed: see bench/FINDINGS.md\n`);
for (const failure of failures) process.stdout.write(`FAILED ${failure}\n`);

if (out) {
  const commit = gitDescribe();
  const findings = existsSync(`${benchDir}FINDINGS.md`) ? readFileSync(`${benchDir}FINDINGS.md`, 'utf8') : '';
  writeFileSync(out, [
    '# Benchmarks',
    '',
    `Written by \`npm run bench -- --size ${sizes.name}\` (bench/run.ts) on ${new Date(began).toISOString().slice(0, 16).replace('T', ' ')} UTC, `
      + `${commit}, in ${Math.round(seconds / 60)} min. Each figure stands beside its limit, measured in the same run `
      + '(or, where the limit is the issue\'s absolute target, that target); the ratio is figure ÷ limit.',
    '',
    `**Machine**: ${machine}. Load average ${load.replace(/^load average /, '')}: the machine is shared, so figures move with its load.`,
    '',
    markdownTable(rows),
    '',
    ...(failures.length > 0 ? ['**Sections that failed**:', '', ...failures.map((f) => `- ${f}`), ''] : []),
    '## Notes on the rows',
    '',
    ...notes,
    '',
    findings.trim(),
    '',
  ].join('\n'));
  log(`wrote ${out}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;

function gitDescribe(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'connectors'], { encoding: 'utf8' }).trim() !== '';
    return `commit ${head}${dirty ? ' with uncommitted changes in src/ or connectors/' : ''}`;
  } catch {
    return 'outside git';
  }
}

function flushFileSystems(): void {
  try {
    execFileSync('sync', { stdio: 'ignore', timeout: 120_000 });
  } catch {
    // No `sync` here: sections are measured as they come.
  }
}
