/**
 * How an application looks to whoever may see it — the physician (业务进度), the institution and the authority
 * (detail views). Reuse: `const view = await loadApplicationView(c, actor, id)` (404 when the actor may not see
 * it) then `presentApplication(view, actor, c)`.
 *
 * Output of presentApplication (all dates ISO strings):
 *   id, businessCode (业务编号, null for a draft), businessType, businessTypeLabel ('首次注册'), businessTypeId ('BT-01'),
 *   state, stateLabel ('待机构确认' …), version (send back as expectedVersion), channel,
 *   createdAt, submittedAt, institutionDecidedAt, acceptedAt, dueDate (法定办结日期), decidedAt, updatedAt,
 *   applicant      { name, sex, sexLabel, birthDate, idNumber (full to the applicant and the authority, masked to the
 *                    institution), idNumberMasked }
 *   qualification  { id, certCode, admissionTicketNo, level, levelLabel, category, categoryLabel, obtainedDate } | null
 *   level, levelLabel                the 执业级别 applied for (from the qualification)
 *   payload                          the stored form, as the wizard edits it (FirstRegistrationDraft + qualificationId, level)
 *   form           the form in words: practiceLocation { code, name } | null, institution { id, name, areaCode, areaName, grassroots } | null,
 *                  category, categoryLabel, scopes [{ code, label }], startDate, department, education { education,
 *                  degree, school, major, graduationDate }, title, photoUrl | null, declarations [{ key, text, accepted }]
 *   institution    { id, name } | null   (确认机构)        authority { id, name } | null   (审批机关)
 *   correctionItems string[] | null (退回补正的全部内容), decisionReasons | null, decisionDocument { documentNo, issuedOn, url } | null,
 *   appealNotice   string | null (with a refusal: 行政复议/行政诉讼, 《行政许可法》第三十八条)
 *   timeline       [{ id, at, action, actionLabel, fromState, fromStateLabel, toState, stateLabel,
 *                     actor { role, roleLabel, organization }, reason }]   — every application_events row, oldest first
 *   allowedActions [{ action, label, requiresReason }] — what THIS actor may do now (workflow table ∩ policy)
 *   editable       whether this actor may change the form now (the applicant, in 草稿 / 机构退回修改)
 *   nextStep       { title, text, items?, notice? } — what happens next, in words for this actor (notice: the appeal rights)
 */
import {
  ACTOR_ROLE_LABELS, APPLICATION_STATE_LABELS, BUSINESS_TYPE_INFO, DECLARATIONS, PAPER_MATERIALS, PHYSICIAN_LEVEL_INFO,
  PRACTICE_CATEGORY_INFO, WORKFLOW_TABLE, actionLabelFor, allowedActions, getScope, isBusinessType, isPhysicianLevel, isPracticeCategory, regionFullName,
  type ActorRole, type ApplicationState, type BusinessType, type WorkflowAction,
} from '@medreg/domain';
import { CommonErrors, PROVISIONAL_DUE_DATE_LABEL, presentDueDateFlag, provisionalNoteOfDueDate } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { APPEAL_NOTICE } from '../../pdf/refusal-decision';
import { openCertCode } from '../../security/cert-code';
import type { FirstRegistrationPayload } from './draft-rules';
import { canAct, canView, type ApplicationAccess } from './policy';
import { selectApplicationView, type ApplicationView } from './queries';
import { isEditable } from './service';
import { presentBusiness } from '../lifecycle/business-view';
import { auditIdReveal } from '../audit/reveal';

export type { ApplicationView };

/** Loads what a detail view needs; an application the actor may not see is answered 404 (policy `canView`). */
export async function loadApplicationView(c: Ctx, actor: AccountActor, id: string): Promise<ApplicationView> {
  const view = await selectApplicationView(c, id);
  if (!view || !canView(actor, accessOf(view))) throw CommonErrors.NOT_FOUND({ detail: '未找到该业务申请' });
  return view;
}

export function accessOf(view: ApplicationView): ApplicationAccess {
  return {
    physicianId: view.app.physicianId,
    institutionId: view.app.institutionId,
    authorityId: view.app.authorityId,
    authorityAreaCode: view.authority?.areaCode ?? null,
    authorityLevel: view.authority?.level ?? null,
    state: view.app.state,
    businessType: view.app.businessType,
  };
}

const ACTION_LABELS: Record<string, string> = { create: '创建申请' };

export function actionLabel(action: string): string {
  return (WORKFLOW_TABLE as Record<string, { label: string } | undefined>)[action]?.label ?? ACTION_LABELS[action] ?? action;
}

export function stateLabel(state: string | null): string | null {
  if (state === null) return null;
  return (APPLICATION_STATE_LABELS as Record<string, string>)[state] ?? state;
}

/** The actions `actor` may take on the application now: the workflow table for the role, if the policy lets them act at all. */
export function actionsFor(actor: AccountActor, access: ApplicationAccess) {
  if (!canAct(actor, access)) return [];
  return allowedActions(access.state as ApplicationState, actor.role as ActorRole).map((action: WorkflowAction) => ({
    action, label: actionLabelFor(action, access.businessType ?? ''), requiresReason: WORKFLOW_TABLE[action].requiresReason,
  }));
}

function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** The applicant and the authorities see the full 身份证号 (and 资格证书编码); everyone else a masked one. */
export function revealsFullId(view: ApplicationView, actor: AccountActor): boolean {
  const owner = actor.kind === 'physician' && actor.physicianId === view.app.physicianId;
  return owner || actor.kind === 'authority';
}

/** Presents the application and, when it shows the full 身份证号, writes the `pii.id_revealed` audit entry. */
export async function presentApplicationAudited(c: Ctx, view: ApplicationView, actor: AccountActor) {
  const presented = presentApplication(view, actor, c);
  if (revealsFullId(view, actor)) {
    await auditIdReveal(c, actor, { entityType: 'application', entityId: view.app.id, physicianId: view.app.physicianId, via: 'application_detail' });
  }
  return presented;
}

export interface PresentOptions {
  pii: Ctx['pii'];
}

export function presentApplication(view: ApplicationView, actor: AccountActor, opts: PresentOptions) {
  const { app } = view;
  const payload = app.payload as Partial<FirstRegistrationPayload>;
  const access = accessOf(view);
  const owner = actor.kind === 'physician' && actor.physicianId === app.physicianId;
  const showFullId = revealsFullId(view, actor);
  const level = isPhysicianLevel(payload.level) ? payload.level : view.qualification?.level;
  const category = isPracticeCategory(payload.category) ? payload.category : undefined;
  const type = isBusinessType(app.businessType) ? BUSINESS_TYPE_INFO[app.businessType] : undefined;
  const declarations = payload.declarations ?? {};
  return {
    id: app.id,
    businessCode: app.businessCode,
    businessType: app.businessType as BusinessType,
    businessTypeLabel: type?.label ?? app.businessType,
    businessTypeId: type?.id ?? null,
    state: app.state as ApplicationState,
    stateLabel: stateLabel(app.state),
    version: app.version,
    channel: app.channel,
    createdAt: app.createdAt.toISOString(),
    submittedAt: iso(app.submittedAt),
    institutionDecidedAt: iso(app.institutionDecidedAt),
    acceptedAt: iso(app.acceptedAt),
    dueDate: app.dueDate,
    ...presentDueDateFlag(app.dueDate, app.dueDateProvisional),
    decidedAt: iso(app.decidedAt),
    updatedAt: app.updatedAt.toISOString(),
    applicant: {
      name: view.physician.name,
      sex: view.physician.sex,
      sexLabel: view.physician.sex === 'male' ? '男' : '女',
      birthDate: view.physician.birthDate,
      idNumber: showFullId ? opts.pii.decrypt(view.physician.idNumberEnc) : view.physician.idNumberMasked,
      idNumberMasked: view.physician.idNumberMasked,
    },
    qualification: view.qualification ? {
      id: view.qualification.id,
      // The last 18 characters of a 资格证书编码 are the holder's 身份证号 (domain §4.1): masked like the ID.
      certCode: showFullId ? openCertCode(opts.pii, view.qualification) : view.qualification.certCodeMasked,
      admissionTicketNo: view.qualification.admissionTicketNo,
      level: view.qualification.level,
      levelLabel: PHYSICIAN_LEVEL_INFO[view.qualification.level].label,
      category: view.qualification.category,
      categoryLabel: PRACTICE_CATEGORY_INFO[view.qualification.category].fullLabel,
      obtainedDate: view.qualification.obtainedDate,
    } : null,
    level: level ?? null,
    levelLabel: level && isPhysicianLevel(level) ? PHYSICIAN_LEVEL_INFO[level].label : null,
    payload,
    form: {
      practiceLocation: payload.practiceLocationCode
        ? { code: payload.practiceLocationCode, name: regionFullName(payload.practiceLocationCode) ?? payload.practiceLocationCode }
        : null,
      institution: view.institution
        ? {
          id: view.institution.id, name: view.institution.name, areaCode: view.institution.areaCode,
          areaName: regionFullName(view.institution.areaCode) ?? view.institution.areaCode, grassroots: view.institution.grassroots,
        }
        : null,
      category: category ?? null,
      categoryLabel: category ? PRACTICE_CATEGORY_INFO[category].fullLabel : null,
      scopes: (payload.scopes ?? []).map((code) => ({ code, label: getScope(code)?.label ?? code })),
      startDate: payload.startDate ?? null,
      department: payload.department ?? null,
      education: payload.education ?? null,
      title: payload.title ?? null,
      photoUrl: payload.photoSha256 ? `/api/v1/applications/${app.id}/photo?v=${payload.photoSha256.slice(0, 12)}` : null,
      declarations: DECLARATIONS.map((d) => ({ key: d.key, text: d.text, accepted: declarations[d.key] === true })),
    },
    institution: app.institutionId && view.institution ? { id: view.institution.id, name: view.institution.name } : null,
    authority: view.authority ? { id: view.authority.id, name: view.authority.name } : null,
    correctionItems: app.correctionItems,
    decisionReasons: app.decisionReasons,
    decisionDocument: view.decisionDocument ? { ...view.decisionDocument, url: `/api/v1/applications/${app.id}/decision.pdf` } : null,
    appealNotice: app.state === 'refused' ? APPEAL_NOTICE : null,
    timeline: view.events.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      action: e.action,
      actionLabel: actionLabel(e.action),
      fromState: e.fromState,
      fromStateLabel: stateLabel(e.fromState),
      toState: e.toState,
      stateLabel: stateLabel(e.toState),
      actor: {
        role: e.actorRole,
        roleLabel: (ACTOR_ROLE_LABELS as Record<string, string>)[e.actorRole] ?? e.actorRole,
        organization: e.actorOrgName,
      },
      reason: e.reason,
    })),
    business: presentBusiness(app),
    allowedActions: actionsFor(actor, access),
    editable: owner && isEditable(app.state),
    nextStep: nextStepOf(view, actor),
  };
}

export type PresentedApplication = ReturnType<typeof presentApplication>;

export interface NextStep {
  title: string;
  text: string;
  items?: string[];
  /** A notice to show on its own (with a refusal: the appeal rights). */
  notice?: string;
}

/** The next step in words (seed 第三步–第五步, domain §2.1), for the applicant or for staff. */
export function nextStepOf(view: ApplicationView, actor: AccountActor): NextStep {
  const { app } = view;
  const institution = view.institution?.name ?? '拟执业机构';
  const authority = view.authority?.name ?? '注册主管部门';
  const lastReason = [...view.events].reverse().find((e) => e.toState === app.state)?.reason ?? null;
  const staff = actor.kind !== 'physician';
  switch (app.state as ApplicationState) {
    case 'draft':
      return { title: '填写申请', text: staff ? '申请人尚未提交。' : '请按步骤填写申请信息，核对无误后点击【提交】。' };
    case 'pending_institution':
      return staff
        ? { title: '待机构确认', text: `请核对申请信息，可点击【打印预览】预览《医师执业注册申请审核表》，确认无误后点击【同意】，提交给${authority}审核。` }
        : { title: '待机构确认', text: `请联系拟执业机构（${institution}）确认，并在机构打印《医师执业注册申请审核表》后准备纸质材料。` };
    case 'returned_by_institution':
      return { title: '机构退回修改', text: `${institution}退回了申请${lastReason ? `：${lastReason}` : ''}。${staff ? '等待申请人修改后重新提交。' : '请按意见修改后重新【提交】。'}` };
    case 'refused_by_institution':
      return { title: '机构不同意', text: `${institution}不同意该申请${lastReason ? `：${lastReason}` : ''}。${staff ? '' : '如有疑问，请联系该机构。'}` };
    case 'pending_authority':
      return staff && actor.kind === 'authority'
        ? { title: '正在申办', text: '请核收申请人的纸质材料：齐全的予以受理；不齐全的一次性告知需要补正的全部内容（《行政许可法》第三十二条）。', items: PAPER_MATERIALS.map((m) => m.label) }
        // No institution confirms a 注销 from 注册备案 or the institution's own report: it went straight to the authority.
        : { title: '正在申办', text: `${app.institutionDecidedAt ? '机构已确认。' : '已报送审批机关。'}请按要求向（${authority}）提交纸质材料：`, items: PAPER_MATERIALS.map((m) => m.label) };
    case 'accepted': {
      const type = isBusinessType(app.businessType) ? BUSINESS_TYPE_INFO[app.businessType] : undefined;
      // 备案 (BT-05) and 补发/换领 (BT-09) are not licences: no statutory decision period runs (business-types.ts).
      if (type && type.statutoryWorkingDays === null) return { title: '已受理', text: `${authority}已受理。${type.label}无法定办理时限。` };
      return { title: '已受理', text: `${authority}已受理，将自受理之日起20个工作日内作出决定（《医师法》第十三条）${app.dueDate ? `，法定办结日期为${app.dueDate}${app.dueDateProvisional ? `（${PROVISIONAL_DUE_DATE_LABEL}：${provisionalNoteOfDueDate(app.dueDate)}）` : ''}` : ''}。` };
    }
    case 'returned_for_correction':
      return {
        title: '退回补正',
        text: staff ? '已一次性告知申请人需要补正的全部内容，等待补正。' : `${authority}要求补正以下材料，请一次性补齐后点击【补正后重新提交】：`,
        items: app.correctionItems ?? (lastReason ? [lastReason] : []),
      };
    case 'approved':
      return { title: '准予注册', text: staff ? '已准予注册。' : '已准予注册，可在执业信息中下载电子证书。' };
    case 'refused':
      return {
        title: '不予注册',
        text: `${authority}决定不予注册。理由：${app.decisionReasons ?? lastReason ?? '见不予注册决定书'}`,
        notice: APPEAL_NOTICE,
      };
    case 'withdrawn':
      return { title: '已撤回', text: staff ? '申请人已撤回该申请。' : '您已撤回该申请。如需办理，请重新发起业务申请。' };
    default:
      return { title: stateLabel(app.state) ?? app.state, text: '' };
  }
}

/** One row of the physician's 业务进度 list. */
export function presentListItem(row: {
  id: string; businessCode: string | null; businessType: string; state: string; version: number; institutionName: string | null;
  authorityName: string | null; submittedAt: Date | null; createdAt: Date; updatedAt: Date; dueDate: string | null; dueDateProvisional: boolean;
}, actor: AccountActor, physicianId: string) {
  const type = isBusinessType(row.businessType) ? BUSINESS_TYPE_INFO[row.businessType] : undefined;
  const access: ApplicationAccess = { physicianId, institutionId: null, authorityId: null, authorityAreaCode: null, authorityLevel: null, state: row.state };
  return {
    id: row.id,
    businessCode: row.businessCode,
    businessType: row.businessType as BusinessType,
    businessTypeLabel: type?.label ?? row.businessType,
    state: row.state as ApplicationState,
    stateLabel: stateLabel(row.state),
    version: row.version,
    institutionName: row.institutionName,
    authorityName: row.authorityName,
    submittedAt: iso(row.submittedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dueDate: row.dueDate,
    ...presentDueDateFlag(row.dueDate, row.dueDateProvisional),
    allowedActions: actionsFor(actor, access),
    editable: isEditable(row.state),
  };
}
