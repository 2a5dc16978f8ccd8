import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auth as en } from '../../../src/knowledge/locales/en/auth.js';
import { auth as sv } from '../../../src/knowledge/locales/sv/auth.js';
import { placeholders } from '../../../src/knowledge/i18n.js';
import { ROOT } from '../../support/tools.js';

describe('auth texts', () => {
  it('every key the auth checks use exists in English and Swedish with the same placeholders', () => {
    const dir = join(ROOT, 'src', 'checks', 'auth');
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(auth\.[a-z][\w-]*\.[\w.-]+|auth\.skew|auth\.throttled|auth\.missingPrerequisite)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) {
      expect(en[key], key).toBeTypeOf('string');
      expect(sv[key], key).toBeTypeOf('string');
      expect(placeholders(sv[key]!), key).toEqual(placeholders(en[key]!));
    }
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it('no catalog entry is left untranslated', () => {
    const same = Object.keys(en).filter((k) => en[k] === sv[k] && !/^auth\.audience\.(arm|acr)$/.test(k));
    expect(same).toEqual([]);
  });
});
