import type { Status } from '../engine/types.js';
import { MARKS } from '../report/style.js';
import { mermaidLabel } from './markdown-escape.js';

export interface ChainNode {
  id: string;
  title: string;
  dependsOn: string[];
  status: Status | null;
  code: string | null;
}

const CLASS_STYLE: Record<Status | 'notrun', string> = {
  pass: 'fill:#e6f4ea,stroke:#1e7e34,color:#1e4620',
  warn: 'fill:#fff4e5,stroke:#b26a00,color:#663c00',
  fail: 'fill:#fde8e8,stroke:#c62828,stroke-width:3px,color:#5f1010',
  skip: 'fill:#f1f3f4,stroke:#9aa0a6,stroke-dasharray:4 3,color:#5f6368',
  notrun: 'fill:#ffffff,stroke:#9aa0a6,color:#5f6368',
};

/**
 * The check chain as a Mermaid flowchart: one node per check, an edge from each prerequisite to
 * what depends on it. Failed checks are styled red and the edges leaving them (the broken links)
 * are drawn thick and red.
 */
export function mermaidChain(nodes: ChainNode[]): string {
  const key = new Map(nodes.map((n, i) => [n.id, `c${i}`]));
  const lines = ['flowchart TD'];
  for (const n of nodes) {
    const mark = n.status ? MARKS[n.status] : '·';
    const parts = [`${mark} ${n.title}`, n.id];
    if (n.code) parts.push(n.code);
    lines.push(`  ${key.get(n.id)}["${parts.map(mermaidLabel).join('<br/>')}"]`);
  }
  const broken: number[] = [];
  let edge = 0;
  const failed = new Set(nodes.filter((n) => n.status === 'fail').map((n) => n.id));
  for (const n of nodes) {
    for (const d of n.dependsOn) {
      if (!key.has(d)) continue;
      lines.push(`  ${key.get(d)} --> ${key.get(n.id)}`);
      if (failed.has(d)) broken.push(edge);
      edge += 1;
    }
  }
  for (const [cls, style] of Object.entries(CLASS_STYLE)) lines.push(`  classDef ${cls} ${style}`);
  const byClass = new Map<string, string[]>();
  for (const n of nodes) {
    const cls = n.status ?? 'notrun';
    byClass.set(cls, [...(byClass.get(cls) ?? []), key.get(n.id)!]);
  }
  for (const [cls, ids] of byClass) lines.push(`  class ${ids.join(',')} ${cls}`);
  if (broken.length > 0) lines.push(`  linkStyle ${broken.join(',')} stroke:#c62828,stroke-width:3px`);
  return lines.join('\n');
}
