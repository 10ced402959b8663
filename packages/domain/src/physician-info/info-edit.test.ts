import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_ROLES } from '../workflow/actor-roles';
import {
  INFO_EDIT_ACTIONS, INFO_EDIT_STATUSES, OPEN_INFO_EDIT_STATUSES, allowedInfoEditActions, infoEditTransition,
} from './info-edit-workflow';
import { INFO_EDIT_FIELDS, InfoEditChanges, InfoEditForm, applyInfoEditRows, checkInfoEditDates, infoEditRows, type InfoEditValues } from './info-edit-form';

const CURRENT: InfoEditValues = {
  education: '本科', degree: '学士', school: '北京大学医学部', major: '临床医学', graduationDate: '2015-07-01',
  title: '住院医师', photoSha256: 'a'.repeat(64), phone: '13800000001', email: null,
};

describe('BT-11 信息修改由主要执业机构审核 (domain §2.2 BT-11 [S13][S14])', () => {
  it('the main institution agrees or refuses a pending request; the physician may withdraw it', () => {
    expect(infoEditTransition('pending', 'approve', 'institution_clerk')).toBe('approved');
    expect(infoEditTransition('pending', 'refuse', 'institution_admin', '职称证书未见')).toBe('refused');
    expect(infoEditTransition('pending', 'withdraw', 'physician')).toBe('withdrawn');
  });

  it('no authority step: no authority role may decide, and the physician cannot approve their own edit', () => {
    expect(() => infoEditTransition('pending', 'approve', 'authority_reviewer')).toThrow(expect.objectContaining({ code: 'INFO_EDIT_ACTION_NOT_ALLOWED', status: 409 }));
    expect(() => infoEditTransition('pending', 'approve', 'physician')).toThrow(expect.objectContaining({
      code: 'INFO_EDIT_ACTION_NOT_ALLOWED', message: '信息修改申请当前状态「待机构审核」不允许「同意」。可执行的操作：撤回',
    }));
  });

  it('a refusal needs a reason, on the field reason', () => {
    expect(() => infoEditTransition('pending', 'refuse', 'institution_clerk', '  ')).toThrow(expect.objectContaining({ code: 'INFO_EDIT_REASON_MISSING', path: ['reason'] }));
  });

  it('a decided or withdrawn request allows nothing more, for any role', () => {
    expect(OPEN_INFO_EDIT_STATUSES).toEqual(['pending']);
    fc.assert(fc.property(fc.constantFrom(...INFO_EDIT_STATUSES.filter((s) => s !== 'pending')), fc.constantFrom(...INFO_EDIT_ACTIONS), fc.constantFrom(...ACTOR_ROLES), (status, action, role) => {
      expect(allowedInfoEditActions(status, role)).toEqual([]);
      expect(() => infoEditTransition(status, action, role, '理由')).toThrow(expect.objectContaining({ code: 'INFO_EDIT_ACTION_NOT_ALLOWED' }));
    }));
  });
});

describe('个人信息修改 form', () => {
  it('every field is optional but one must be given', () => {
    const empty = InfoEditChanges.safeParse({});
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0]!.message).toBe('请至少修改一项信息');
    expect(InfoEditChanges.parse({ title: '主治医师' })).toEqual({ title: '主治医师' });
  });

  it('phone and e-mail are checked and normalised as on the account (contact.ts)', () => {
    expect(InfoEditChanges.parse({ phone: '+86 138-0000-0002' })).toEqual({ phone: '13800000002' });
    const bad = InfoEditForm.safeParse({ registrationId: '00000000-0000-4000-8000-000000000001', changes: { phone: '12345', email: 'x@' } });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['changes.phone', '请输入有效的中国大陆手机号码（11位，以1开头）'], ['changes.email', '请输入有效的电子邮箱地址'],
    ]);
  });

  it('学历、学位、任职资格 come from the lists; a date must be real', () => {
    const bad = InfoEditChanges.safeParse({ education: '大学', degree: '博士后', title: '院长', graduationDate: '2015-02-30' });
    expect(bad.error!.issues.map((i) => i.path[0])).toEqual(['education', 'degree', 'graduationDate', 'title']);
  });

  it('毕业时间 may not be after today', () => {
    expect(() => checkInfoEditDates({ graduationDate: '2026-12-03' }, '2026-12-02')).toThrow(expect.objectContaining({ code: 'INFO_EDIT_DATE_IN_FUTURE', path: ['changes', 'graduationDate'] }));
    expect(() => checkInfoEditDates({ graduationDate: '2026-12-02' }, '2026-12-02')).not.toThrow();
  });

  it('the review table lists only what really changes, old → new, and applying it gives the new values', () => {
    const rows = infoEditRows(CURRENT, { title: '主治医师', school: '北京大学医学部', email: 'li@example.cn' });
    expect(rows).toEqual([
      { field: 'title', label: '任职资格', old: '住院医师', new: '主治医师' },
      { field: 'email', label: '电子邮箱', old: null, new: 'li@example.cn' },
    ]);
    expect(applyInfoEditRows(CURRENT, rows)).toEqual({ ...CURRENT, title: '主治医师', email: 'li@example.cn' });
    expect(() => infoEditRows(CURRENT, { school: '北京大学医学部' })).toThrow(expect.objectContaining({ code: 'INFO_EDIT_NOTHING_CHANGED', path: ['changes'] }));
    expect(INFO_EDIT_FIELDS).toHaveLength(9);
  });
});
