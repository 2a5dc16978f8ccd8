export const repository: Record<string, string> = {};
