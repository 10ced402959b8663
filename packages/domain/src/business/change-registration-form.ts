/**
 * 变更注册 (BT-03) — the form: it starts from the current registration (auto-filled), says which item changes and
 * why, and gives the new value (domain §2.2 BT-03 data). One kind per application: 执业地点, 主要执业机构, 执业类别,
 * 执业范围 (《医师法》第十八条 "执业地点、执业类别、执业范围等注册事项"; 办法第二十条 for the main institution).
 */
import { z } from 'zod';
import { PRACTICE_CATEGORIES } from '../reference/practice-categories';
import { departmentField, isoDateField, reasonField, recordIdField, regionCodeField, scopeCodesField } from './form-fields';
import { ScopeEvidence } from './scope-change-evidence';

export const CHANGE_KINDS = ['practice_location', 'main_institution', 'category', 'scopes'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS = {
  practice_location: '变更执业地点',
  main_institution: '变更主要执业机构',
  category: '变更执业类别',
  scopes: '变更执业范围',
} as const satisfies Record<ChangeKind, string>;

export const SCOPE_CHANGE_OPERATIONS = ['add', 'replace'] as const;
export type ScopeChangeOperation = (typeof SCOPE_CHANGE_OPERATIONS)[number];
export const SCOPE_CHANGE_OPERATION_LABELS = { add: '增加执业范围', replace: '变更执业范围' } as const satisfies Record<ScopeChangeOperation, string>;

const base = {
  registrationId: recordIdField('请选择要变更的执业注册'),
  reason: reasonField,
};

export const ChangeRegistrationForm = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('practice_location'), ...base,
    practiceLocationCode: regionCodeField, institutionId: recordIdField('请选择新执业地点的主要执业机构'),
    department: departmentField, startDate: isoDateField,
  }),
  z.object({
    kind: z.literal('main_institution'), ...base,
    institutionId: recordIdField('请选择新的主要执业机构'), department: departmentField, startDate: isoDateField,
  }),
  z.object({
    kind: z.literal('category'), ...base,
    /** The qualification of the new category. */
    qualificationId: recordIdField('请选择该类别的医师资格'),
    category: z.enum(PRACTICE_CATEGORIES, '请选择执业类别'),
    scopes: scopeCodesField,
  }),
  z.object({
    kind: z.literal('scopes'), ...base,
    operation: z.enum(SCOPE_CHANGE_OPERATIONS, '请选择增加或变更执业范围'),
    /** 'add': the scopes added; 'replace': the whole new list. */
    scopes: scopeCodesField,
    evidence: z.array(ScopeEvidence).max(5),
  }),
], { error: '请选择变更事项' });
export type ChangeRegistrationForm = z.infer<typeof ChangeRegistrationForm>;

/**
 * 《医师法》第十八条 and 办法第二十条: practice that needs no change registration. Shown as guidance before the form;
 * none of these is an application.
 */
export const CHANGE_EXEMPTIONS = [
  '参加规范化培训、进修、对口支援、会诊、突发事件医疗救援、慈善或者其他公益性医疗、义诊（《医师法》第十八条第一项）',
  '承担国家任务或者参加政府组织的重要活动等（《医师法》第十八条第二项）',
  '在医疗联合体内的医疗机构中执业（《医师法》第十八条第三项）',
  '经主要执业机构批准的卫生支援、会诊、进修、学术交流、承担政府交办的任务，经卫生健康行政部门批准的义诊（《医师执业注册管理办法》第二十条）',
  '在签订帮扶或者托管协议的医疗机构内执业（《医师执业注册管理办法》第二十条）',
] as const;
