// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file, and
// inclusive time for functions whose name matches a filter. Usage:
//   node --import tsx bench/profile-summary.ts FILE.cpuprofile [--top 30] [--match name]
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

process.stdout.on('error', () => process.exit(0)); // piped into head
const args = process.argv.slice(2);
const file = args[0];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top N] [--match NAME]');
const top = Number(args[args.indexOf('--top') + 1] ?? 30) || 30;
const match = args.includes('--match') ? args[args.indexOf('--match') + 1] : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});

const short = (url: string): string => url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm:').replace(/.*\/work\/main\//, '');
const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anon)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const fnSelf = new Map<string, number>();
const fileSelf = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + us);
  const f = short(n.callFrame.url) || n.callFrame.functionName;
  fileSelf.set(f, (fileSelf.get(f) ?? 0) + us);
}
const print = (title: string, map: Map<string, number>): void => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`total ${(total / 1000).toFixed(0)} ms`);
print('self time by function', fnSelf);
print('self time by file', fileSelf);

if (match) {
  // Inclusive time: a sample counts once for each distinct matching frame on its stack.
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (n.callFrame.functionName.includes(match) || n.callFrame.url.includes(match)) seen.add(label(n));
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  print(`inclusive time of frames matching "${match}"`, inclusive);
}
