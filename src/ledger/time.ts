export const isoNow = (now: number = Date.now()): string => new Date(now).toISOString();
