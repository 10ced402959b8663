/** The server's clock (`deps.now`): the system time, moved by MEDREG_CLOCK_OFFSET_DAYS outside production. */
const DAY_MS = 86_400_000;

/**
 * `() => now + offsetDays`. A development and test setting only (config.ts refuses it in production): it lets a
 * developer or a browser journey restart the server on the same data "two years later" and watch the scheduled
 * rules (备案满二年注销, filing and suspension end dates, …) act as they will in time.
 */
export function serverClock(offsetDays: number): () => Date {
  if (!offsetDays) return () => new Date();
  const shift = offsetDays * DAY_MS;
  return () => new Date(Date.now() + shift);
}
