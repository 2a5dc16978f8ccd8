export const registry: Record<string, string> = {};
