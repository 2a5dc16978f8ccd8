/**
 * The knowledge base's public face: what a code means, in the current language, for the wizard's
 * detail screen, the Markdown transcript, the checks and `explain`.
 */
import { t } from './i18n.js';
import { entryFor } from './entries.js';

export interface KnowledgeView {
  code: string;
  title: string;
  /** 2–5 sentences in plain words. */
  explanation: string;
  causes: string[];
  docs: string | null;
}

export function knowledgeFor(code: string): KnowledgeView | null {
  const entry = entryFor(code);
  if (!entry) return null;
  const causes: string[] = [];
  for (let i = 1; i <= entry.causes; i++) causes.push(t(`knowledge.${code}.cause.${i}`));
  return {
    code,
    title: t(`knowledge.${code}.title`),
    explanation: t(`knowledge.${code}.explanation`),
    causes,
    docs: entry.docs,
  };
}

export { remediationsFor, fillCommand } from './remediations.js';
export { normalizeEvidence, type Evidence } from './evidence.js';
export { ALL_CODES, CONTRACT_CODES, CLIENT_CODES, CHECK_HEALTH_CODES, isKnownCode, type KnownCode } from './codes.js';
export { ENTRIES, entryFor, type KnowledgeEntry, type RemediationTemplate } from './entries.js';
