/**
 * 考核周期 — the period of a 医师定期考核 (domain §5.4): three years (《医师法》第四十二条: 每三年为一个周期; the 2007
 * 办法's two years are history). A cycle is named by its first and last year, 「2024–2026」; medreg stores its first
 * year. Cycles are not tied to a national grid here: the authority names the cycle it assessed.
 */
export const ASSESSMENT_CYCLE_YEARS = 3;
export const ASSESSMENT_CYCLE_MIN_YEAR = 2000;
export const ASSESSMENT_CYCLE_MAX_YEAR = 2099;

/** 「2024–2026」 for the cycle starting 2024. */
export function assessmentCycleLabel(startYear: number): string {
  return `${startYear}–${startYear + ASSESSMENT_CYCLE_YEARS - 1}`;
}

export type CycleParse = { ok: true; startYear: number } | { ok: false; message: string };

/**
 * Reads a cycle as a person types it — 「2024-2026」, 「2024–2026」, 「2024—2026」, 「2024至2026」, 「2024~2026」 or
 * just 「2024」 — and checks that it spans three years.
 */
export function parseAssessmentCycle(input: string): CycleParse {
  const s = input.trim().replace(/\s+/g, '').replace(/年/g, '');
  const m = /^(\d{4})(?:[-–—~～至到](\d{4}))?$/.exec(s);
  if (!m) return { ok: false, message: '考核周期应写作「2024–2026」（起止年份）' };
  const start = Number(m[1]);
  if (start < ASSESSMENT_CYCLE_MIN_YEAR || start > ASSESSMENT_CYCLE_MAX_YEAR) return { ok: false, message: `考核周期的起始年份应在${ASSESSMENT_CYCLE_MIN_YEAR}至${ASSESSMENT_CYCLE_MAX_YEAR}年之间` };
  if (m[2] !== undefined && Number(m[2]) !== start + ASSESSMENT_CYCLE_YEARS - 1) {
    return { ok: false, message: `考核周期为三年（《医师法》第四十二条），${start}年起的周期应为「${assessmentCycleLabel(start)}」` };
  }
  return { ok: true, startYear: start };
}

/** Whether the cycle that starts `startYear` has begun by `today` (a result cannot be recorded for a cycle to come). */
export function cycleHasBegun(startYear: number, today: string): boolean {
  return Number(today.slice(0, 4)) >= startYear;
}
