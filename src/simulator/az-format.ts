/** How the stand-in `az` reads its arguments and prints results, like the real CLI's --output and --query. */

export interface AzResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Parsed {
  words: string[];
  flags: Map<string, string | true>;
}

const SHORT: Record<string, string> = { '-n': '--name', '-r': '--registry', '-o': '--output', '-g': '--resource-group' };
/** Flags that take several values (`--identities A B`): the words after them are not part of the command. */
const MULTI = new Set(['--identities', '--ids']);

export function parse(argv: string[]): Parsed {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) {
      const [rawName, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const name = SHORT[rawName] ?? rawName;
      if (inline !== undefined) flags.set(name, inline);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) {
        flags.set(name, argv[++i]!);
        while (MULTI.has(name) && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) i++;
      } else flags.set(name, true);
    } else words.push(a);
  }
  return { words, flags };
}

export const ok = (stdout: string): AzResult => ({ exitCode: 0, stdout, stderr: '' });
export const fail = (exitCode: number, stderr: string): AzResult => ({ exitCode, stdout: '', stderr });

function field(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.').filter(Boolean)) {
    cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>)[part] : null;
    if (cur === undefined) cur = null;
  }
  return cur;
}

/** A JMESPath subset: a dotted field path (`id`, `networkRuleSet.ipRules`) and a list projection (`[].loginServer`). */
function query(value: unknown, q: string | undefined): unknown {
  if (!q) return value;
  if (q.startsWith('[]')) return Array.isArray(value) ? value.map((v) => field(v, q.slice(2))) : null;
  return field(value, q);
}

const scalar = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function table(out: unknown): string {
  const rows = Array.isArray(out) ? out : [out];
  if (rows.every((r) => r === null || typeof r !== 'object')) {
    const width = Math.max(6, ...rows.map((r) => scalar(r).length));
    return ['Result', '-'.repeat(width), ...rows.map(scalar)].join('\n');
  }
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r as object)))].filter((k) =>
    rows.every((r) => typeof (r as Record<string, unknown>)[k] !== 'object' || (r as Record<string, unknown>)[k] === null),
  );
  const cells = rows.map((r) => cols.map((c) => scalar((r as Record<string, unknown>)[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]): string => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const title = (c: string): string => c.charAt(0).toUpperCase() + c.slice(1);
  return [line(cols.map(title)), line(widths.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n');
}

export function print(value: unknown, p: Parsed): AzResult {
  const out = query(value, str(p, '--query'));
  switch (str(p, '--output') ?? 'json') {
    case 'none':
      return ok('');
    case 'tsv':
      if (Array.isArray(out)) return ok(out.map((v) => (v && typeof v === 'object' ? Object.values(v).map(scalar).join('\t') : scalar(v))).join('\n'));
      return ok(out && typeof out === 'object' ? Object.values(out).map(scalar).join('\t') : scalar(out));
    case 'table':
      return ok(table(out));
    default:
      return ok(JSON.stringify(out, null, 2));
  }
}

/** The values of a flag that takes several (`--identities A B`). */
export function listAfter(argv: string[], flag: string): string[] {
  const i = argv.indexOf(flag);
  if (i < 0) return [];
  const out: string[] = [];
  for (const a of argv.slice(i + 1)) {
    if (a.startsWith('-')) break;
    out.push(a);
  }
  return out;
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

