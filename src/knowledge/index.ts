/**
 * The knowledge base's public face (the knowledge issue fills it in): what a code means, in the
 * current language, for the wizard's detail screen, the Markdown transcript and `explain`.
 */
export interface KnowledgeView {
  code: string;
  title: string;
  /** 2–5 sentences in plain words. */
  explanation: string;
  causes: string[];
  docs: string | null;
}

export function knowledgeFor(_code: string): KnowledgeView | null {
  return null;
}
