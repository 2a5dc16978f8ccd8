import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/knowledge/explain/match.js';
import { CORPUS, NOT_RECOGNISED } from '../corpus/cases.js';
import { ALL_CODES } from '../../../src/knowledge/codes.js';

const codesOf = (text: string) => explainText(text).map((m) => m.code);

describe('explain corpus: pasted errors as clients print them', () => {
  for (const c of CORPUS) {
    it(c.name, () => {
      const matches = explainText(c.text);
      expect(matches.map((m) => m.code)).toEqual(c.codes);
      if (c.evidence) expect(matches[0]!.evidence).toMatchObject(c.evidence);
    });
  }

  for (const text of NOT_RECOGNISED) {
    it(`recognises nothing in ${JSON.stringify(text.slice(0, 50))}`, () => {
      expect(codesOf(text)).toEqual([]);
    });
  }
});

// The same pastes as they arrive from real terminals and log viewers.
const noisy: [string, (text: string) => string][] = [
  ['Windows line endings', (t) => t.replace(/\n/g, '\r\n')],
  ['ANSI colours around every line', (t) => t.split('\n').map((l) => `\x1b[1;31m${l}\x1b[0m`).join('\n')],
  ['timestamps and log levels in front', (t) => t.split('\n').map((l, i) => `2026-11-22T14:0${i % 10}:12.345Z ERROR ${l}`).join('\n')],
  ['unrelated output before and after', (t) => `Step 4/9 : RUN npm ci\n ---> Using cache\n${t}\nexit status 1\nBuild failed after 42s.`],
];

describe('check-health lines', () => {
  it('recognises every known code in an "An error occurred" line', () => {
    for (const code of ALL_CODES) {
      expect(codesOf(`Azure CLI version: 2.45.0\nAn error occurred: ${code}\nPlease refer to https://aka.ms/acr/errors#${code.toLowerCase()} for more information.`), code).toEqual([code]);
    }
  });
});

describe('evidence stays with its own error', () => {
  it('does not lend a repository or status to the next error', () => {
    const text = [
      'The push refers to repository [contosoacr.azurecr.io/samples/web]',
      'denied: requested access to the resource is denied',
      'RESPONSE 403: 403 Forbidden',
      '{"errors":[{"code":"DENIED","message":"retrieving permissions failed"}]}',
      'Error response from daemon: Get "https://contosoacr.azurecr.io/v2/": net/http: TLS handshake timeout',
    ].join('\n');
    const [denied, perm, tls] = explainText(text);
    expect(denied?.evidence.repository).toBe('samples/web');
    expect(perm?.evidence.status).toBe(403);
    expect(perm?.evidence.repository).toBeUndefined();
    expect(tls?.code).toBe('TLS_HANDSHAKE_TIMEOUT');
    expect(tls?.evidence.repository).toBeUndefined();
    expect(tls?.evidence.status).toBeUndefined();
    expect(tls?.evidence.registry).toBe('contosoacr');
  });
});

describe('explain corpus with noise', () => {
  for (const [what, wrap] of noisy) {
    it(`finds the same codes with ${what}`, () => {
      for (const c of CORPUS) {
        expect(codesOf(wrap(c.text)), c.name).toEqual(c.codes);
      }
    });
  }

  it('keeps the evidence when colour codes split nothing but wrap the values', () => {
    const text = "\x1b[33mdenied: client with IP '\x1b[1m203.0.113.9\x1b[22m' is not allowed access\x1b[0m for contosoacr.azurecr.io";
    const [m] = explainText(text);
    expect(m?.code).toBe('CONNECTIVITY_FORBIDDEN_ERROR');
    expect(m?.evidence).toMatchObject({ clientIp: '203.0.113.9', registry: 'contosoacr' });
  });
});
