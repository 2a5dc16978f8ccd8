import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repository as en } from '../../../src/knowledge/locales/en/repository.js';
import { repository as sv } from '../../../src/knowledge/locales/sv/repository.js';
import { placeholders } from '../../../src/knowledge/i18n.js';
import { ROOT } from '../../support/tools.js';

const FILES = [
  ...readdirSync(join(ROOT, 'src', 'checks', 'repository'))
    .filter((n) => n.endsWith('.ts'))
    .map((n) => join(ROOT, 'src', 'checks', 'repository', n)),
  join(ROOT, 'src', 'checks', 'registry', 'cmk.ts'),
  join(ROOT, 'src', 'checks', 'registry', 'private-endpoint.ts'),
];

describe('repository and Azure-side texts', () => {
  it('every key the checks use exists in English and Swedish with the same placeholders', () => {
    const used = new Set<string>();
    for (const f of FILES) for (const m of readFileSync(f, 'utf8').matchAll(/'((?:repository|azure)\.[\w.-]+)'/g)) used.add(m[1]!);
    // Check ids, not texts.
    for (const id of ['repository.pull', 'repository.push', 'repository.data-endpoint']) used.delete(id);
    // Keys built at run time: upload stages and transport failure kinds.
    for (const stage of ['start', 'chunk', 'commit', 'verify']) used.add(`repository.push.stage.${stage}`);
    for (const kind of ['dns', 'dns-timeout', 'refused', 'timeout', 'reset', 'tls', 'proxy', 'aborted', 'other']) used.add(`repository.errorKind.${kind}`);
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) {
      expect(en[key], key).toBeTypeOf('string');
      expect(sv[key], key).toBeTypeOf('string');
      expect(placeholders(sv[key]!), key).toEqual(placeholders(en[key]!));
    }
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });
});
