export const knowledge: Record<string, string> = {};
