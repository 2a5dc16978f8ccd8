import type { KnownCode } from '../codes.js';
import { normalizeEvidence, type Evidence } from '../evidence.js';
import { redactText } from '../../transcript/redact.js';
import { normalizeInput } from './normalize.js';
import { RULES, type Rule } from './rules.js';
import { findAcrHosts, findClients, findRepositories, findStatuses, lineAt, nearest, type Located } from './context.js';

/** One recognised error in a paste. */
export interface ExplainMatch {
  code: KnownCode;
  /** Where it first appears in the normalised text (for ordering). */
  index: number;
  evidence: Evidence;
}

export interface MatchOptions {
  /** A registry the person named (-n); used when the text does not show one. */
  registry?: string | null;
}

interface Hit {
  rule: Rule;
  code: KnownCode;
  index: number;
  end: number;
  own: Record<string, string | number | undefined>;
}

// A generic hit (status only) is dropped when a specific one sits this close: they describe the same error.
const GENERIC_SHADOW_BEFORE = 400;
const GENERIC_SHADOW_AFTER = 1000;

const MAX_OCCURRENCES_PER_CODE = 20;

/** Whether a sorted list holds a value in [from, to]. */
function anyWithin(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= to;
}

function collectHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const rule of RULES) {
    const re = new RegExp(rule.re.source, rule.re.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const code = rule.code(m);
      if (code) hits.push({ rule, code, index: m.index, end: m.index + m[0].length, own: rule.evidence?.(m) ?? {} });
    }
  }
  return hits;
}

const ACR_PARTS = /^([a-z0-9]{5,50})(?:\.[a-z0-9-]+)?(?:\.(?:data|geo))?\.azurecr\.(io|cn|us)$/;

/** A data endpoint or geo-replica host names the registry whose login server is <name>.azurecr.<tld>. */
function loginServerOf(host: string): string | undefined {
  const m = ACR_PARTS.exec(host);
  return m ? `${m[1]}.azurecr.${m[2]}` : undefined;
}

/** Which client printed it: a marker on the same line, else what the wording implies, else the nearest marker. */
function clientFor(text: string, h: Hit, clients: Located<string>[], before: number): string | undefined {
  const start = text.lastIndexOf('\n', h.index - 1) + 1;
  const endAt = text.indexOf('\n', h.index);
  const end = endAt === -1 ? text.length : endAt;
  const onLine = clients.filter((c) => c.index >= start && c.index < end);
  if (onLine.length > 0) return onLine[0]!.value;
  if (h.rule.client) return h.rule.client;
  const near = nearest(clients, h.index, before, 200);
  if (near) return near;
  return /^\s*[{["]/.test(lineAt(text, h.index)) ? 'json' : undefined;
}

/**
 * Finds every known error in a pasted text, each code once, in order of first appearance, with the
 * evidence found around it. Pure: no I/O.
 */
export function explainText(input: string, options: MatchOptions = {}): ExplainMatch[] {
  const text = normalizeInput(input);
  const hits = collectHits(text);
  const specificStarts = hits.filter((h) => h.rule.tier === 'specific').map((h) => h.index).sort((a, b) => a - b);
  const kept = hits.filter((h) => h.rule.tier === 'specific' || !anyWithin(specificStarts, h.index - GENERIC_SHADOW_BEFORE, h.end + GENERIC_SHADOW_AFTER));
  kept.sort((a, b) => a.index - b.index || (a.rule.tier === b.rule.tier ? 0 : a.rule.tier === 'specific' ? -1 : 1));

  const hosts = findAcrHosts(text);
  const statuses = findStatuses(text);
  const repositories = findRepositories(text);
  const clients = findClients(text);
  const bareCode = /^\s*[A-Za-z_]+\s*$/.test(text);

  const byCode = new Map<KnownCode, ExplainMatch>();
  const seenCount = new Map<KnownCode, number>();
  // Evidence before a hit is only looked for after the previous, different error: no borrowing across errors.
  let boundary = 0;
  let prev: Hit | undefined;
  for (const h of kept) {
    if (prev && prev.code !== h.code) boundary = Math.max(boundary, prev.end);
    prev = h;
    const back = (limit: number) => Math.max(0, Math.min(limit, h.index - boundary));
    // A log can repeat one error thousands of times; a few occurrences give all the evidence there is.
    const n = (seenCount.get(h.code) ?? 0) + 1;
    seenCount.set(h.code, n);
    if (n > MAX_OCCURRENCES_PER_CODE) continue;
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(h.own)) if (v !== undefined) raw[k] = v;

    const host = nearest(hosts, h.index, back(2000), 1200) ?? nearest(hosts, h.index, 2000, 1200) ?? hosts[0]?.value;
    if (host) raw.loginServer = loginServerOf(host) ?? host;
    if (!raw.loginServer && typeof raw.host === 'string') {
      const ls = loginServerOf(raw.host);
      if (ls) raw.loginServer = ls;
    }
    if (!raw.loginServer && options.registry) raw.registry = options.registry;
    raw.status ??= nearest(statuses, h.index, back(600), 300);
    const repo = nearest(repositories, h.index, back(1500), 600);
    if (repo) raw.repository = repo;
    raw.client = bareCode ? 'code' : clientFor(text, h, clients, back(800));
    raw.line = redactText(lineAt(text, h.index)).slice(0, 240);
    const ev = normalizeEvidence(raw);

    const seen = byCode.get(h.code);
    if (!seen) {
      byCode.set(h.code, { code: h.code, index: h.index, evidence: ev });
    } else {
      // The same error twice: keep the first, fill gaps from the later one.
      for (const [k, v] of Object.entries(ev) as [keyof Evidence, never][]) if (seen.evidence[k] === undefined) seen.evidence[k] = v;
    }
  }
  return [...byCode.values()].sort((a, b) => a.index - b.index);
}
