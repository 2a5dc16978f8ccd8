import { describe, expect, it } from 'vitest';
import { catalogs, placeholders } from '../../src/knowledge/i18n.js';

const en = catalogs.en;
const sv = catalogs.sv;

describe('locale catalogs', () => {
  it('every English key has a Swedish text', () => {
    const missing = Object.keys(en).filter((k) => !(k in sv));
    expect(missing).toEqual([]);
  });

  it('every Swedish key exists in English', () => {
    const extra = Object.keys(sv).filter((k) => !(k in en));
    expect(extra).toEqual([]);
  });

  it('uses the same {placeholders} in both languages', () => {
    const differing = Object.keys(en)
      .filter((k) => k in sv)
      .filter((k) => placeholders(en[k]!).join(',') !== placeholders(sv[k]!).join(','))
      .map((k) => `${k}: en {${placeholders(en[k]!).join(',')}} sv {${placeholders(sv[k]!).join(',')}}`);
    expect(differing).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = [...Object.entries(en), ...Object.entries(sv)].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
});
