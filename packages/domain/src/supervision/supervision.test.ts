import { describe, expect, it } from 'vitest';
import { addMonths } from '../calendar/iso-date';
import { makeResidentId } from '../identifiers/resident-id';
import {
  assertReassessmentDue, assertSuspensionPeriod, assessmentCycleLabel, missedTwoConsecutiveCycles, parseAssessmentCycle,
  parseResultsFile, suspensionStatusOn, suspensionTransition, suspensionsDueToEnd, PenaltyDecisionForm, RecordAssessment,
} from './index';

describe('考核周期', () => {
  it('《医师法》第四十二条: a cycle is three years', () => {
    expect(parseAssessmentCycle('2024–2026')).toEqual({ ok: true, startYear: 2024 });
    expect(parseAssessmentCycle('2024-2026')).toEqual({ ok: true, startYear: 2024 });
    expect(parseAssessmentCycle('2024年至2026年')).toEqual({ ok: true, startYear: 2024 });
    expect(parseAssessmentCycle('2024-2025')).toMatchObject({ ok: false, message: expect.stringContaining('2024–2026') });
    expect(parseAssessmentCycle('二〇二四')).toMatchObject({ ok: false });
    expect(assessmentCycleLabel(2027)).toBe('2027–2029');
  });
});

describe('连续两个考核周期未参加', () => {
  it('《医师执业注册管理办法》第十八条: two consecutive cycles missed', () => {
    expect(missedTwoConsecutiveCycles([{ cycleStartYear: 2021, result: 'absent' }, { cycleStartYear: 2024, result: 'absent' }])).toBe(true);
    expect(missedTwoConsecutiveCycles([{ cycleStartYear: 2018, result: 'absent' }, { cycleStartYear: 2024, result: 'absent' }])).toBe(false);
    expect(missedTwoConsecutiveCycles([{ cycleStartYear: 2021, result: 'absent' }, { cycleStartYear: 2024, result: 'passed' }])).toBe(false);
  });
});

describe('暂停执业活动的期限', () => {
  it('counts months with both days included', () => {
    expect(addMonths('2026-01-10', 3, -1)).toBe('2026-04-09');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 6, -1)).toBe('2027-05-14');
  });

  it('《医师法》第四十二条: a suspension for a failed assessment lasts three to six months', () => {
    expect(() => assertSuspensionPeriod('assessment', '2026-01-10', '2026-04-09')).not.toThrow();
    expect(() => assertSuspensionPeriod('assessment', '2026-01-10', '2026-07-09')).not.toThrow();
    expect(() => assertSuspensionPeriod('assessment', '2026-01-10', '2026-04-08')).toThrow(/2026-04-09至2026-07-09/);
    expect(() => assertSuspensionPeriod('assessment', '2026-01-10', '2026-07-10')).toThrow(/3至6个月/);
  });

  it('《医师法》第五十五条至第五十七条: a penalty suspension lasts six months to a year', () => {
    expect(() => assertSuspensionPeriod('penalty', '2026-01-10', '2027-01-09')).not.toThrow();
    expect(() => assertSuspensionPeriod('penalty', '2026-01-10', '2026-04-09')).toThrow(/6至12个月/);
  });
});

describe('SUSPENSION_TABLE', () => {
  it('an assessment suspension past its end date reads 待再次考核, a penalty one is due to end', () => {
    const a = { kind: 'assessment' as const, status: 'in_force' as const, startsOn: '2026-01-10', endsOn: '2026-04-09' };
    const p = { ...a, kind: 'penalty' as const };
    expect(suspensionStatusOn(a, '2026-04-09')).toBe('in_force');
    expect(suspensionStatusOn(a, '2026-04-10')).toBe('awaiting_reassessment');
    expect(suspensionsDueToEnd([a, p], '2026-04-10')).toEqual([p]);
    expect(suspensionsDueToEnd([a, p], '2026-04-09')).toEqual([]);
  });

  it('《医师法》第四十二条: the re-assessment comes after the end date', () => {
    const a = { kind: 'assessment' as const, status: 'in_force' as const, startsOn: '2026-01-10', endsOn: '2026-04-09' };
    expect(() => assertReassessmentDue(a, '2026-04-09')).toThrow(/期满后方可登记/);
    expect(() => assertReassessmentDue(a, '2026-04-10')).not.toThrow();
  });

  it('refuses to end a suspension twice, naming what is allowed', () => {
    expect(suspensionTransition('in_force', 'expire')).toBe('expired');
    expect(() => suspensionTransition('expired', 'expire')).toThrow(/已期满/);
    expect(suspensionTransition(null, 'order')).toBe('in_force');
  });
});

describe('forms', () => {
  it('asks for a 执业证书编码 or a 身份证号', () => {
    const r = RecordAssessment.safeParse({ cycle: '2024–2026', result: 'passed' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['licenceCode'], message: '请填写执业证书编码或身份证号' });
    expect(RecordAssessment.parse({ licenceCode: '110110108000001', cycle: '2024-2026', result: 'failed' }).cycle).toBe(2024);
  });
  it('a 暂停 penalty names 第五十五条至第五十七条 only', () => {
    const base = { licenceCode: '110110108000001', documentNo: '京海卫医罚〔2026〕12号', decidedOn: '2026-12-01', facts: '超范围执业' };
    expect(PenaltyDecisionForm.safeParse({ kind: 'suspension', article: 'art58', startsOn: '2026-12-01', endsOn: '2027-05-31', ...base }).success).toBe(false);
    expect(PenaltyDecisionForm.safeParse({ kind: 'revocation', article: 'art58', ...base }).success).toBe(true);
  });
});

describe('定期考核结果文件', () => {
  const header = ['执业证书编码', '身份证号', '姓名', '考核周期', '考核结果', '考核日期'];
  const id = makeResidentId({ birthDate: '1985-03-03', seq: 11 });

  it('reads every good row and reports each bad one with its row number, column and a Chinese message', () => {
    const parsed = parseResultsFile([
      header,
      ['110110108000001', '', '张三', '2024–2026', '合格', '2026/11/3'],
      ['', id, '李四', '2024-2026', '不合格', ''],
      ['12345', '', '王五', '2024-2025', '优秀', '2026-13-01'],
      ['', '', '', '', '', ''],
      ['110110108000001', '', '张三', '2024-2026', '合格', ''],
    ], '2026-12-02');
    expect(parsed.rows.map((r) => [r.row, r.result, r.assessedOn])).toEqual([[2, 'passed', '2026-11-03'], [3, 'failed', null]]);
    expect(parsed.rows[1]!.idNumber).toBe(id);
    expect(parsed.errors).toEqual([
      { row: 4, field: '执业证书编码', message: '执业证书编码应为15位数字' },
      { row: 4, field: '考核周期', message: expect.stringContaining('三年') },
      { row: 4, field: '考核结果', message: '考核结果「优秀」无法识别，应为合格、不合格或未参加' },
      { row: 4, field: '考核日期', message: '考核日期应为YYYY-MM-DD格式的真实日期' },
      { row: 6, field: '执业证书编码', message: '与第2行是同一医师同一考核周期，请只保留一行' },
    ]);
  });

  it('refuses a file without the columns it needs', () => {
    expect(parseResultsFile([['姓名', '结果'], ['张三', '合格']], '2026-12-02').errors[0]).toMatchObject({ row: 1, field: '文件', message: expect.stringContaining('缺少列：执业证书编码或身份证号、考核周期') });
    expect(parseResultsFile([], '2026-12-02').errors[0]!.message).toContain('文件为空');
  });
});
