import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/knowledge/explain/match.js';
import { MAX_INPUT_CHARS } from '../../../src/knowledge/explain/normalize.js';

const fill = (unit: string) => unit.repeat(Math.ceil(MAX_INPUT_CHARS / unit.length));

// Shapes that make careless regular expressions backtrack for minutes.
const ADVERSARIAL: Record<string, string> = {
  'dotted labels': fill('abcde.'),
  'hosts on one line': fill('myregistry.westeurope.data.azurecr.io '),
  'paths on one line': fill('https://contosoacr.azurecr.io/a/b/c'),
  'hyphens': fill('a-'),
  'repeated Go headers': fill('RESPONSE 401: '),
  'repeated JSON codes': fill('{"code":"DENIED",'),
  'repeated firewall prefix': fill('client with IP '),
  'repeated request prefix': fill('unexpected status from GET request to '),
  'one error repeated on every line': fill('denied: requested access to the resource is denied\n'),
};

describe('explain on large and hostile input', () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`handles ${name} (${Math.round(text.length / 1024)} KiB) quickly`, () => {
      const t0 = performance.now();
      explainText(text);
      expect(performance.now() - t0).toBeLessThan(3000);
    });
  }

  it('reads only the first part of an oversized paste', () => {
    const late = `${'x'.repeat(MAX_INPUT_CHARS + 10)}\nCONNECTIVITY_DNS_ERROR`;
    expect(explainText(late)).toEqual([]);
    expect(explainText(`CONNECTIVITY_DNS_ERROR\n${'x'.repeat(MAX_INPUT_CHARS)}`).map((m) => m.code)).toEqual(['CONNECTIVITY_DNS_ERROR']);
  });
});
