import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environment as en } from '../../../src/knowledge/locales/en/environment.js';
import { environment as sv } from '../../../src/knowledge/locales/sv/environment.js';
import { placeholders } from '../../../src/knowledge/i18n.js';
import { ROOT } from '../../support/tools.js';

const SRC = join(ROOT, 'src', 'checks', 'environment');

describe('environment texts', () => {
  it('every key the checks use exists in English and Swedish with the same placeholders', () => {
    const used = new Set<string>();
    for (const f of readdirSync(SRC).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(SRC, f), 'utf8');
      for (const m of text.matchAll(/'(environment\.[\w.-]+)'/g)) used.add(m[1]!);
      // Keys built from a problem kind: every kind of the union has a text.
      if (text.includes('environment.pull.problem.${problem}')) {
        const kinds = readFileSync(join(SRC, 'parse-docker-pull.ts'), 'utf8').match(/export type PullProblem =([^;]+);/)![1]!;
        for (const k of kinds.matchAll(/'([\w-]+)'/g)) used.add(`environment.pull.problem.${k[1]}`);
      }
    }
    // Keys built from where the daemon runs (docker-pull.ts: `${kind}` is Linux, Desktop or Wsl).
    for (const fix of ['daemonDns', 'proxy', 'tls']) for (const kind of ['Linux', 'Desktop', 'Wsl']) used.add(`environment.pull.fix.${fix}${kind}`);
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) {
      expect(en[key], key).toBeTypeOf('string');
      expect(sv[key], key).toBeTypeOf('string');
      expect(placeholders(sv[key]!), key).toEqual(placeholders(en[key]!));
    }
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });
});
