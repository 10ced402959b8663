/**
 * 受理 → decision in working days, summarised from a histogram (working days → decisions), so that the median and
 * the 90th percentile of any set of authorities and months follow exactly from pre-aggregated counts.
 * 《医师法》第十三条: decide within 20 working days of 受理 (the configured decision limit).
 */
export interface DecisionDaysBucket {
  workingDays: number;
  decisions: number;
}

export interface DecisionTimeSummary {
  decisions: number;
  /** The median (nearest rank), in working days; null without decisions. */
  median: number | null;
  /** The 90th percentile (nearest rank), in working days. */
  p90: number | null;
  /** Decisions taken after the limit. */
  overLimit: number;
}

/** The smallest value whose cumulative count reaches `q` of the total (nearest-rank percentile). */
function percentile(sorted: readonly DecisionDaysBucket[], total: number, q: number): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.decisions;
    if (seen >= rank) return b.workingDays;
  }
  return sorted[sorted.length - 1]!.workingDays;
}

export function summariseDecisionDays(buckets: readonly DecisionDaysBucket[], limitWorkingDays: number): DecisionTimeSummary {
  const sorted = [...buckets].filter((b) => b.decisions > 0).sort((a, b) => a.workingDays - b.workingDays);
  const total = sorted.reduce((n, b) => n + b.decisions, 0);
  return {
    decisions: total,
    median: percentile(sorted, total, 0.5),
    p90: percentile(sorted, total, 0.9),
    overLimit: sorted.filter((b) => b.workingDays > limitWorkingDays).reduce((n, b) => n + b.decisions, 0),
  };
}
