import {
  ACTIVATION_METHOD_LABELS, ACTIVATION_STATUS_LABELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, REGISTRATION_STATUS_LABELS,
  getScope, regionFullName, type ActivationMethod,
} from '@medreg/domain';
import type { Physician } from '../../db/schema/index';
import type { QualificationCheckOutcome } from '../qualifications/check';
import type { RegistrationRow } from './queries';

/** 执业信息: one registration as its owner sees it. */
export function presentRegistration(row: RegistrationRow) {
  const r = row.registration;
  return {
    id: r.id,
    practiceLocationCode: r.practiceLocationCode,
    /** 执业地点 as a full region name, e.g. 广东省 / 北京市海淀区. */
    practiceLocationName: regionFullName(r.practiceLocationCode) ?? r.practiceLocationCode,
    level: r.level,
    levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    category: r.category,
    categoryLabel: PRACTICE_CATEGORY_INFO[r.category].fullLabel,
    scopes: r.scopes.map((code) => ({ code, label: getScope(code)?.name ?? code })),
    mainInstitutionId: r.mainInstitutionId,
    mainInstitutionName: row.institutionName,
    licenceCode: r.licenceCode,
    /** 发证机关: the registering authority. */
    authorityName: row.authorityName,
    /** 审核日期. */
    approvedOn: r.approvedOn,
    status: r.status,
    statusLabel: REGISTRATION_STATUS_LABELS[r.status],
    statusSince: r.statusSince.toISOString(),
    training: r.training,
    eRegistrationEnabled: row.eRegistrationEnabled ?? true,
    certificateUrl: r.status === 'valid' ? `/api/v1/physician/registrations/${r.id}/certificate.pdf` : null,
  };
}

/** What the activation screens show of a registration: no institution, no certificate code. */
export function summariseRegistration(r: ReturnType<typeof presentRegistration>) {
  return {
    status: r.status,
    statusLabel: r.statusLabel,
    practiceLocationName: r.practiceLocationName,
    levelLabel: r.levelLabel,
    categoryLabel: r.categoryLabel,
    training: r.training,
    eRegistrationEnabled: r.eRegistrationEnabled,
  };
}

export type NextStepKey = 'verify_phone' | 'qualification_check' | 'activate' | 'apply' | 'business';

/** 系统首页's "what to do next", in words. */
export function nextStep(s: {
  verified: boolean;
  active: boolean;
  pendingOnApproval: boolean;
  qualificationCheck: QualificationCheckOutcome;
  methods: ActivationMethod[];
  hasValidRegistration: boolean;
}): { key: NextStepKey; text: string } {
  if (s.active) {
    return s.hasValidRegistration
      ? { key: 'business', text: '您的账户已激活，系统已开放所有功能。可在「执业信息」中查看执业注册并下载电子证书，在「业务申请」中办理变更注册、多机构备案等业务。' }
      : { key: 'apply', text: '您的账户已激活，系统已开放所有功能。首次注册请点击「业务申请」，选择注册，如实填写各项信息后提交，等待医疗机构审核。' };
  }
  // The name and ID are the keys of every match (seed 五): fix them first.
  if (s.qualificationCheck === 'name_mismatch' && !s.methods.includes('institution_code')) {
    return { key: 'qualification_check', text: '未通过医师资格校验：您填写的姓名与资格信息中的姓名不一致。请在「医师资格校验」页面修改正确后重新校验；如确认无误，请查看「资格补改指南」。' };
  }
  if (!s.verified) {
    return { key: 'verify_phone', text: '请先验证您的手机号：在「验证手机号」页面点击【向手机发送校验码】，输入收到的校验码；如手机收不到短信，可通过邮箱验证。' };
  }
  if (s.pendingOnApproval) {
    return { key: 'apply', text: '您的执业注册所在地区尚未实施电子化注册，无需先激活：请直接在「业务申请」中申请注册或变更，待机构审核通过且卫生健康委审批后，账户自动激活。' };
  }
  if (s.methods.includes('institution_code')) {
    return { key: 'activate', text: '您的执业注册为有效状态：请向主要执业机构索取激活码，在「账户激活」页面输入激活码后点击【激活我的账户】。如机构已开通自动激活，刷新页面即可。' };
  }
  if (s.methods.includes('auto_on_approval')) {
    return { key: 'activate', text: '您的执业注册所在地区尚未实施电子化注册：请在「账户激活」页面选择“直接申请业务”，审批通过后账户自动激活。' };
  }
  if (s.qualificationCheck === 'not_found') {
    return { key: 'qualification_check', text: '未查询到您的医师资格信息。考试合格尚未取得证书的，请在「医师资格校验」页面输入医学综合笔试准考证号获取资格信息；如确认姓名及身份证号无误，请查看「资格补改指南」。' };
  }
  return { key: 'activate', text: '请在「账户激活」页面输入您的医师资格证书编码（尚未取得证书的考试合格人员可输入准考证号），激活您的账户。' };
}

export function presentActivation(p: Physician) {
  return {
    activationStatus: p.activationStatus,
    activationStatusLabel: ACTIVATION_STATUS_LABELS[p.activationStatus],
    activationMethod: p.activationMethod,
    activationMethodLabel: p.activationMethod ? ACTIVATION_METHOD_LABELS[p.activationMethod] : null,
    activatedAt: p.activatedAt?.toISOString() ?? null,
    pendingActivationPath: p.pendingActivationPath,
  };
}
