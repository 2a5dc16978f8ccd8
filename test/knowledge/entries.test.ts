import { afterEach, describe, expect, it } from 'vitest';
import { catalogs, setLang } from '../../src/knowledge/i18n.js';
import { ALL_CODES, CHECK_HEALTH_CODES, CONTRACT_CODES, ENTRIES, knowledgeFor, remediationsFor } from '../../src/knowledge/index.js';
import { EVIDENCE_PLACEHOLDERS } from '../../src/knowledge/evidence.js';

afterEach(() => setLang('en'));

// The codes in CONTRACT.md's table, written out here so a code dropped from the knowledge base fails.
const CONTRACT_TABLE = `DOCKER_COMMAND_ERROR DOCKER_DAEMON_ERROR DOCKER_VERSION_ERROR DOCKER_PULL_ERROR HELM_COMMAND_ERROR
HELM_VERSION_ERROR NOTARY_COMMAND_ERROR NOTARY_VERSION_ERROR AZ_CLI_ERROR LOGIN_SERVER_ERROR CONNECTIVITY_DNS_ERROR
CONNECTIVITY_SSL_ERROR CONNECTIVITY_CHALLENGE_ERROR CONNECTIVITY_FORBIDDEN_ERROR CONNECTIVITY_AAD_LOGIN_ERROR
CONNECTIVITY_TOOMANYREQUESTS_ERROR AAD_TOKEN_ERROR BASIC_CREDENTIALS_ERROR CONNECTIVITY_REFRESH_TOKEN_ERROR
ARM_TOKEN_DISALLOWED CONNECTIVITY_ACCESS_TOKEN_ERROR ANONYMOUS_PULL_DISABLED REPOSITORY_PULL_ERROR PERMISSION_DENIED
REPOSITORY_NOT_FOUND DATA_ENDPOINT_ERROR BLOB_UPLOAD_INVALID REPOSITORY_PUSH_ERROR CMK_ERROR PRIVATE_ENDPOINT_ERROR
UNEXPECTED_ERROR`.split(/\s+/);

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/).filter(Boolean);

describe('knowledge entries', () => {
  it('covers every contract code', () => {
    expect([...CONTRACT_CODES].sort()).toEqual([...CONTRACT_TABLE].sort());
    for (const code of CONTRACT_TABLE) expect(ENTRIES.has(code as never), code).toBe(true);
  });

  for (const code of ALL_CODES) {
    it(`${code} reads well in English and Swedish`, () => {
      setLang('en');
      const en = knowledgeFor(code)!;
      setLang('sv');
      const sv = knowledgeFor(code)!;
      for (const view of [en, sv]) {
        expect(view.title.trim()).not.toBe('');
        expect(view.title).not.toContain('knowledge.');
        const n = sentences(view.explanation).length;
        expect(n, `${code}: ${view.explanation}`).toBeGreaterThanOrEqual(2);
        expect(n, `${code}: ${view.explanation}`).toBeLessThanOrEqual(5);
        expect(view.causes.length).toBeGreaterThan(0);
        for (const c of view.causes) expect(c).not.toContain('knowledge.');
      }
      expect(sv.title).not.toBe(en.title);
      expect(sv.explanation).not.toBe(en.explanation);
      expect(sv.causes).not.toEqual(en.causes);
    });
  }

  it('every remediation of every entry has a title in both catalogs', () => {
    const missing: string[] = [];
    for (const entry of ENTRIES.values()) {
      for (const r of entry.remediations) {
        const key = `knowledge.${entry.code}.fix.${r.id}`;
        if (!catalogs.en[key]) missing.push(`en ${key}`);
        if (!catalogs.sv[key]) missing.push(`sv ${key}`);
      }
      for (let i = 1; i <= entry.causes; i++) {
        if (!catalogs.en[`knowledge.${entry.code}.cause.${i}`]) missing.push(`en cause ${entry.code} ${i}`);
      }
      // No stray causes beyond the declared count: they would never be shown.
      if (catalogs.en[`knowledge.${entry.code}.cause.${entry.causes + 1}`]) missing.push(`extra cause ${entry.code}`);
    }
    expect(missing).toEqual([]);
  });

  it('command templates only use placeholders the evidence can fill', () => {
    const known = new Set<string>(EVIDENCE_PLACEHOLDERS);
    for (const entry of ENTRIES.values()) {
      for (const r of entry.remediations) {
        for (const arg of r.command ?? []) {
          for (const [, name] of arg.matchAll(/\{(\w+)\}/g)) expect(known.has(name!), `${entry.code}/${r.id}: {${name}}`).toBe(true);
        }
      }
    }
  });

  it('links check-health codes to their aka.ms/acr/errors anchor and others to an aka.ms page', () => {
    for (const entry of ENTRIES.values()) {
      if (CHECK_HEALTH_CODES.has(entry.code)) expect(entry.docs).toBe(`https://aka.ms/acr/errors#${entry.code.toLowerCase()}`);
      else expect(entry.docs).toMatch(/^https:\/\/aka\.ms\/acr\/[a-z-]+$/);
    }
  });

  it('every entry offers at least one remediation, and a changing one is marked', () => {
    for (const code of ALL_CODES) {
      const fixes = remediationsFor(code, { registry: 'contosoacr' });
      expect(fixes.length, code).toBeGreaterThan(0);
    }
    const fw = remediationsFor('CONNECTIVITY_FORBIDDEN_ERROR', { registry: 'contosoacr', clientIp: '203.0.113.7' });
    expect(fw.find((r) => r.id === 'show-network-rules')?.changes).toBe(false);
    expect(fw.find((r) => r.id === 'allow-client-ip')?.changes).toBe(true);
  });

  it('returns null for a code it does not know', () => {
    expect(knowledgeFor('NOT_A_CODE')).toBeNull();
    expect(remediationsFor('NOT_A_CODE')).toEqual([]);
  });
});
