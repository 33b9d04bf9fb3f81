import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row';

// `npm run bench`: runs each area's benchmark module that exists and prints one table.
// Targets are reported, never asserted: timings belong here, not in tests that flake.
const MODULES: { file: string; fn: string }[] = [
  { file: './documents-bench.ts', fn: 'benchDocuments' },
  { file: './documents-browser-bench.ts', fn: 'benchFirstBundleInBrowser' },
  { file: './clients-bench.ts', fn: 'benchClients' },
  { file: './signing-bench.ts', fn: 'benchSigning' },
  { file: './money-bench.ts', fn: 'benchMoney' },
  { file: './sales-bench.ts', fn: 'benchSales' },
  { file: './plans-bench.ts', fn: 'benchPlans' },
  { file: './office-bench.ts', fn: 'benchOffice' },
  { file: './push-bench.ts', fn: 'benchPush' },
];

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const m of MODULES) {
  if (only.length && !only.some((o) => m.file.includes(o))) continue;
  if (!existsSync(fileURLToPath(new URL(m.file, import.meta.url)))) continue;
  const mod = (await import(m.file)) as Record<string, () => Promise<BenchRow[]>>;
  process.stderr.write(`… ${m.fn}\n`);
  rows.push(...(await mod[m.fn]()));
}

const header = ['benchmark', 'value', 'target', 'peer / note'];
const lines = rows.map((r) => [r.name, `${fmt(r.value)} ${r.unit}`, r.target ?? '', [r.peer, r.note].filter(Boolean).join('; ')]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const l of lines) console.log(line(l));
