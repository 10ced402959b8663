import { PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, regionFullName } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import type { ApplicationFormData } from '../../pdf/application-form';
import { openCertCode } from '../../security/cert-code';
import { loadVisibleApplication, selectApplicationEvents, selectQualification, type ApplicationEventRow } from './application-queries';
import { applicationChangeOf } from './form-change';
import { readPayload, titleLabel } from './payload-view';
import { businessTypeLabel } from './queue-presenter';

/** States in which the institution has not (or no longer) given its opinion. */
const BEFORE_INSTITUTION_OPINION = new Set(['draft', 'pending_institution', 'returned_by_institution', 'withdrawn']);

/** The 医疗机构意见 block: the institution's last decision, once the application is past it. */
function institutionOpinion(state: string, events: ApplicationEventRow[]): ApplicationFormData['institutionOpinion'] {
  if (BEFORE_INSTITUTION_OPINION.has(state)) return null;
  const decision = events.filter((e) => e.action === 'institution_approve' || e.action === 'institution_refuse').at(-1);
  if (!decision) return null;
  const opinion = decision.action === 'institution_approve'
    ? (decision.reason?.trim() || '经核实，申请人所填信息属实，同意申请。')
    : `不同意。理由：${decision.reason ?? ''}`;
  return { decision: opinion, by: decision.actorName ?? '', at: decision.createdAt.toISOString() };
}

/**
 * Everything 《医师执业注册申请审核表》 prints (seed 第四步【打印预览】, 第五步 「带编码表格」): for 首次注册 the
 * 拟注册信息; for a change on the generic path the 申请变更事项 old → new (form-change.ts).
 * The form goes to the authority, so it carries the full 身份证号, decrypted here and nowhere else.
 */
export async function buildApplicationFormData(c: Ctx, actor: AccountActor, id: string): Promise<{ data: ApplicationFormData; photoSha256: string | null }> {
  const record = await loadVisibleApplication(c, actor, id);
  const { app, physician } = record;
  const payload = readPayload(app.payload);
  const business = await applicationChangeOf(c, app);
  const [qualification, events] = await Promise.all([
    selectQualification(c, business ? business.qualificationId : payload.qualificationId),
    selectApplicationEvents(c, id),
  ]);
  const photoSha = payload.photoSha256 ?? physician.photoSha256;
  const category = payload.category ?? qualification?.category;
  const data: ApplicationFormData = {
    businessCode: app.businessCode ?? '',
    businessTypeLabel: businessTypeLabel(app.businessType),
    submittedAt: (app.submittedAt ?? app.createdAt).toISOString(),
    physician: {
      name: physician.name,
      sex: physician.sex === 'male' ? '男' : '女',
      birthDate: physician.birthDate,
      idNumber: c.pii.decrypt(physician.idNumberEnc),
      phone: record.phone ?? '',
      ...(record.email ? { email: record.email } : {}),
    },
    qualification: {
      certCode: qualification ? openCertCode(c.pii, qualification) : null,
      admissionTicketNo: qualification?.admissionTicketNo ?? null,
      levelLabel: qualification ? PHYSICIAN_LEVEL_INFO[qualification.level].label : '',
      categoryLabel: qualification ? PRACTICE_CATEGORY_INFO[qualification.category].label : '',
      obtainedDate: qualification?.obtainedDate ?? null,
    },
    proposed: {
      practiceLocation: payload.practiceLocationCode ? (regionFullName(payload.practiceLocationCode) ?? payload.practiceLocationCode) : '',
      institutionName: record.institutionName ?? '',
      categoryLabel: category ? PRACTICE_CATEGORY_INFO[category].label : '',
      scopes: payload.scopes.map((s) => s.name),
      ...(payload.department ? { department: payload.department } : {}),
      ...(payload.startDate ? { startDate: payload.startDate } : {}),
    },
    education: payload.education,
    // A change carries no 任职资格 of its own: the one on the physician's record.
    title: business ? (titleLabel(physician.title) ?? null) : (payload.title ?? null),
    photo: null,
    institutionOpinion: institutionOpinion(app.state, events),
    change: business?.change ?? null,
    authority: { name: record.authorityName ?? '' },
    generatedAt: '',
  };
  return { data, photoSha256: photoSha ?? null };
}
