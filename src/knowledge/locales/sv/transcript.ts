export const transcript: Record<string, string> = {};
