export const simulator: Record<string, string> = {};
