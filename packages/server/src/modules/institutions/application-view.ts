import {
  APPLICATION_STATE_LABELS, ACTOR_ROLE_LABELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, WORKFLOW_TABLE, allowedActions,
  authorityReviewStatus, institutionReviewStatus, isActorRole, maskResidentId, regionFullName, type ApplicationState, type WorkflowAction,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import type { Qualification } from '../../db/schema/index';
import { canAct } from '../applications/policy';
import {
  loadVisibleApplication, selectApplicationEvents, selectQualification, type ApplicationEventRow, type ApplicationRecord,
} from './application-queries';
import { readPayload, titleLabel, type PayloadView } from './payload-view';
import { CHANNEL_LABELS, businessTypeLabel } from './queue-presenter';

const SEX_LABELS = { male: '男', female: '女' } as const;

/** 资格证书编码 = 9 characters + the 18-character 身份证号: the ID part is masked. */
function maskQualificationCode(code: string): string {
  return code.length > 18 ? code.slice(0, -18) + maskResidentId(code.slice(-18)) : maskResidentId(code);
}

export function applicationUrls(id: string) {
  return {
    photoUrl: `/api/v1/institution/applications/${id}/photo`,
    formUrl: `/api/v1/institution/applications/${id}/form.pdf`,
  };
}

/** 办理业务: the application with every datum the institution checks, its history and the actions open now. */
export async function getApplicationDetail(c: Ctx, actor: AccountActor, id: string) {
  const record = await loadVisibleApplication(c, actor, id);
  const payload = readPayload(record.app.payload);
  const [qualification, events] = await Promise.all([selectQualification(c, payload.qualificationId), selectApplicationEvents(c, id)]);
  return presentApplicationDetail(record, payload, qualification, events, actor);
}

function actionLabel(action: string): string {
  if (action === 'create') return '创建申请';
  return (WORKFLOW_TABLE as Record<string, { label: string }>)[action]?.label ?? action;
}

export function presentTimeline(events: ApplicationEventRow[]) {
  return events.map((e) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    action: e.action,
    actionLabel: actionLabel(e.action),
    toState: e.toState,
    toStateLabel: APPLICATION_STATE_LABELS[e.toState as ApplicationState] ?? e.toState,
    actorRoleLabel: isActorRole(e.actorRole) ? ACTOR_ROLE_LABELS[e.actorRole] : e.actorRole,
    actorOrgName: e.actorOrgName,
    actorName: e.actorName,
    reason: e.reason,
  }));
}

export function presentApplicationDetail(
  record: ApplicationRecord, payload: PayloadView, qualification: Qualification | undefined, events: ApplicationEventRow[], actor: AccountActor,
) {
  const { app, physician } = record;
  const state = app.state as ApplicationState;
  const access = { ...app, authorityAreaCode: record.authorityAreaCode, authorityLevel: record.authorityLevel };
  const level = payload.level ?? qualification?.level;
  const category = payload.category ?? qualification?.category;
  const hasPhoto = Boolean(payload.photoSha256 ?? physician.photoSha256);
  return {
    id: app.id,
    businessCode: app.businessCode,
    businessType: app.businessType,
    businessTypeLabel: businessTypeLabel(app.businessType),
    state,
    stateLabel: APPLICATION_STATE_LABELS[state] ?? state,
    version: app.version,
    channel: app.channel,
    channelLabel: CHANNEL_LABELS[app.channel] ?? app.channel,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    institutionReview: institutionReviewStatus(state),
    institutionDecidedAt: app.institutionDecidedAt?.toISOString() ?? null,
    authorityReview: authorityReviewStatus(state),
    authorityDecidedAt: app.decidedAt?.toISOString() ?? null,
    dueDate: app.dueDate,
    institutionName: record.institutionName,
    authorityName: record.authorityName,
    decisionReasons: app.decisionReasons,
    correctionItems: app.correctionItems ?? [],
    physician: {
      name: physician.name,
      sex: physician.sex,
      sexLabel: SEX_LABELS[physician.sex],
      birthDate: physician.birthDate,
      // 身份证号 is masked on screen; the printed 审核表 that goes to the authority carries it in full.
      idNumberMasked: physician.idNumberMasked,
      phone: record.phone,
      email: record.email,
    },
    qualification: qualification
      ? {
          // The 资格证书编码 ends with the holder's 身份证号 (§4.1), so it is masked like the ID itself.
          certCodeMasked: qualification.certCode ? maskQualificationCode(qualification.certCode) : null,
          admissionTicketNo: qualification.admissionTicketNo,
          level: qualification.level,
          levelLabel: PHYSICIAN_LEVEL_INFO[qualification.level].label,
          category: qualification.category,
          categoryLabel: PRACTICE_CATEGORY_INFO[qualification.category].label,
          obtainedDate: qualification.obtainedDate,
        }
      : null,
    proposed: {
      level: level ?? null,
      levelLabel: level ? PHYSICIAN_LEVEL_INFO[level].label : null,
      practiceLocationCode: payload.practiceLocationCode ?? null,
      practiceLocation: payload.practiceLocationCode ? (regionFullName(payload.practiceLocationCode) ?? payload.practiceLocationCode) : null,
      institutionName: record.institutionName,
      category: category ?? null,
      categoryLabel: category ? PRACTICE_CATEGORY_INFO[category].label : null,
      scopes: payload.scopes,
      department: payload.department ?? null,
      startDate: payload.startDate ?? null,
    },
    education: payload.education,
    title: payload.title ?? titleLabel(physician.title) ?? null,
    declarations: payload.declarations,
    photoUrl: hasPhoto ? applicationUrls(app.id).photoUrl : null,
    formUrl: applicationUrls(app.id).formUrl,
    timeline: presentTimeline(events),
    allowedActions: canAct(actor, access) ? allowedActions(state, actor.role) : ([] as WorkflowAction[]),
  };
}

export type ApplicationDetail = ReturnType<typeof presentApplicationDetail>;
