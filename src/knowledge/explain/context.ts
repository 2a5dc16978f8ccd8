/** Finds evidence near a recognised error: login server, HTTP status, repository, which client printed it. */

export interface Located<T> {
  index: number;
  value: T;
}

function all<T>(text: string, re: RegExp, pick: (m: RegExpExecArray) => T | undefined): Located<T>[] {
  const out: Located<T>[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const v = pick(m);
    if (v !== undefined) out.push({ index: m.index, value: v });
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

const ACR_SUFFIX = /\.azurecr\.(?:io|cn|us)(?![a-z0-9-])/gi;
const HOST_CHAR = /[a-z0-9.-]/i;

/**
 * Every ACR host in the text (login servers, data endpoints, geo-replicas). Walks back from each
 * suffix instead of using one big pattern, which would backtrack badly on long dotted text.
 */
export function findAcrHosts(text: string): Located<string>[] {
  const out: Located<string>[] = [];
  const re = new RegExp(ACR_SUFFIX.source, ACR_SUFFIX.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < 200 && HOST_CHAR.test(text[start - 1]!)) start--;
    const host = text.slice(start, m.index + m[0].length).replace(/^[.-]+/, '').toLowerCase();
    if (/^(?:[a-z0-9-]+\.)*[a-z0-9]{5,50}\.azurecr\.(?:io|cn|us)$/.test(host) || /^[a-z0-9]{5,50}(?:\.[a-z0-9-]+){1,2}\.azurecr\./.test(host)) {
      out.push({ index: start, value: host });
    }
  }
  return out;
}

const REASONS: Record<string, number> = {
  unauthorized: 401,
  forbidden: 403,
  'not found': 404,
  'too many requests': 429,
  'bad request': 400,
  'internal server error': 500,
  'service unavailable': 503,
};

const STATUS_PATTERNS: [RegExp, (m: RegExpExecArray) => number | undefined][] = [
  [/RESPONSE\s+(\d{3}):/g, (m) => Number(m[1])],
  [/\bstatus(?:\s*code)?["']?\s*[:=]\s*(\d{3})\b/gi, (m) => Number(m[1])],
  [/\bstatusCode["']?\s*[:=]\s*(\d{3})\b/g, (m) => Number(m[1])],
  [/\b(?:response|unexpected)\s+status\s+code:?\s+(\d{3})\b/gi, (m) => Number(m[1])],
  [/\b(\d{3})\s+(Unauthorized|Forbidden|Not\s+Found|Too\s+Many\s+Requests|Bad\s+Request|Internal\s+Server\s+Error|Service\s+Unavailable)\b/gi, (m) => Number(m[1])],
  [/invalid\s+status\s+'([^']+)'/gi, (m) => REASONS[m[1]!.toLowerCase()]],
];

export function findStatuses(text: string): Located<number>[] {
  const out = STATUS_PATTERNS.flatMap(([re, pick]) => all(text, re, pick)).filter((s) => s.value >= 100 && s.value <= 599);
  return out.sort((a, b) => a.index - b.index);
}

const REPOSITORY_PATTERNS: RegExp[] = [
  /\/v2\/([a-z0-9]+(?:[._/-][a-z0-9]+)*)\/(?:manifests|blobs|tags)\//g,
  /repository:([a-z0-9]+(?:[._/-][a-z0-9]+)*):/g,
  /azurecr\.(?:io|cn|us)\/(?!v2\/|oauth2\/|acr\/)([a-z0-9]+(?:[._/-][a-z0-9]+)*)(?=[:@\]\s"']|$)/g,
];

export function findRepositories(text: string): Located<string>[] {
  return REPOSITORY_PATTERNS.flatMap((re) => all(text, re, (m) => m[1])).sort((a, b) => a.index - b.index);
}

const CLIENT_MARKERS: [RegExp, string][] = [
  [/\bRestError\b/g, 'js'],
  [/RESPONSE\s+\d{3}:/g, 'go'],
  [/\bazcore\b/g, 'go'],
  [/\bazure\.core\.exceptions\b|\b(?:HttpResponseError|ClientAuthenticationError|ResourceNotFoundError)\b|Traceback \(most recent call last\)/g, 'python'],
  [/Error response from daemon|\bdocker\b(?!:\/\/)/gi, 'docker'],
  // containers/image wording (podman, buildah, skopeo).
  [/\bpodman\b|Error: initializing source docker:\/\//gi, 'podman'],
  [/\bhelm\b/gi, 'helm'],
  [/\boras\b/gi, 'oras'],
  [/An error occurred:|check-health/g, 'check-health'],
];

export function findClients(text: string): Located<string>[] {
  return CLIENT_MARKERS.flatMap(([re, name]) => all(text, re, () => name)).sort((a, b) => a.index - b.index);
}

/** The entry closest before `index` within `before` characters, else the closest after within `after`. */
export function nearest<T>(items: Located<T>[], index: number, before: number, after: number): T | undefined {
  let best: Located<T> | undefined;
  for (const it of items) {
    if (it.index <= index && index - it.index <= before) {
      if (!best || it.index > best.index || best.index > index) best = it;
    }
  }
  if (best) return best.value;
  for (const it of items) {
    if (it.index > index && it.index - index <= after) return it.value;
  }
  return undefined;
}

/** The whole line around `index`, trimmed. */
export function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}
