/**
 * 医师定期考核结果 (domain §5.4; 《医师法》第四十二条): 合格 or 不合格, as recorded by the main institution or the
 * authority (《医师执业注册管理办法》第十一条: they update the results in the system). medreg also records 未参加,
 * because two consecutive cycles missed is a ground of 注销 (`assessment_missed`, 2017 办法第十八条).
 *
 * A result is either of a periodic cycle (`periodic`) or the 再次考核 after a suspension for a failed one
 * (`reassessment`, 《医师法》第四十二条: 暂停执业活动期满，再次进行考核).
 */
export const ASSESSMENT_RESULTS = ['passed', 'failed', 'absent'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export const ASSESSMENT_RESULT_LABELS = {
  passed: '合格',
  failed: '不合格',
  absent: '未参加',
} as const satisfies Record<AssessmentResult, string>;

export const ASSESSMENT_KINDS = ['periodic', 'reassessment'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const ASSESSMENT_KIND_LABELS = {
  periodic: '定期考核',
  reassessment: '暂停期满再次考核',
} as const satisfies Record<AssessmentKind, string>;

/**
 * The roster's filter on a physician's latest periodic result (本机构医师 · 最近定期考核): one of the results, or
 * `none` for a physician with no result on file yet (未登记).
 */
export const LATEST_ASSESSMENT_FILTERS = [...ASSESSMENT_RESULTS, 'none'] as const;
export type LatestAssessmentFilter = (typeof LATEST_ASSESSMENT_FILTERS)[number];

export const LATEST_ASSESSMENT_FILTER_LABELS = {
  ...ASSESSMENT_RESULT_LABELS,
  none: '未登记',
} as const satisfies Record<LatestAssessmentFilter, string>;

/** Where a result came from: typed in one by one, or one row of an imported results file. */
export const ASSESSMENT_SOURCES = ['form', 'import'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

export const ASSESSMENT_SOURCE_LABELS = { form: '逐条登记', import: '文件导入' } as const satisfies Record<AssessmentSource, string>;

/** Reads 合格 / 不合格 / 未参加 as a results file writes them (also 通过, 未通过, 缺考 …). */
export function parseAssessmentResult(input: string): AssessmentResult | undefined {
  const s = input.trim().replace(/\s+/g, '');
  const words: Record<string, AssessmentResult> = {
    合格: 'passed', 通过: 'passed', passed: 'passed', pass: 'passed',
    不合格: 'failed', 未通过: 'failed', failed: 'failed', fail: 'failed',
    未参加: 'absent', 缺考: 'absent', 未参加考核: 'absent', absent: 'absent',
  };
  return words[s] ?? words[s.toLowerCase()];
}

export interface CycleResult {
  cycleStartYear: number;
  result: AssessmentResult;
}

/**
 * 连续两个考核周期未参加医师定期考核 (《医师执业注册管理办法》第十八条, ground `assessment_missed`): the two latest
 * periodic cycles on file, consecutive, both 未参加.
 */
export function missedTwoConsecutiveCycles(results: readonly CycleResult[]): boolean {
  const sorted = [...results].sort((a, b) => b.cycleStartYear - a.cycleStartYear);
  const [last, before] = sorted;
  if (!last || !before) return false;
  return last.result === 'absent' && before.result === 'absent' && last.cycleStartYear - before.cycleStartYear === 3;
}
