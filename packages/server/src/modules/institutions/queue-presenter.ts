import {
  APPLICATION_STATE_LABELS, BUSINESS_TYPE_INFO, allowedActions, authorityReviewStatus, institutionReviewStatus, isBusinessType,
  type ApplicationState, type BusinessType,
} from '@medreg/domain';
import type { AccountActor } from '../../http/actor';
import { businessKindLabel } from '../lifecycle/business-view';
import type { QueueRow } from './queue-queries';

export const CHANNEL_LABELS = { web: '网页', app: '医通办', institution: '机构代办' } as const;

export function businessTypeLabel(type: string): string {
  return isBusinessType(type) ? BUSINESS_TYPE_INFO[type].label : type;
}

/** One row of 医师申请业务办理 as the list shows it, with what the actor may do to it now. */
export function presentQueueRow(row: QueueRow, actor: AccountActor) {
  const state = row.state as ApplicationState;
  return {
    id: row.id,
    businessCode: row.businessCode,
    businessType: row.businessType as BusinessType,
    businessTypeLabel: businessTypeLabel(row.businessType),
    /** 变更执业范围（增加执业范围）, 新增备案 … on the generic path; null for 首次注册. */
    kindLabel: row.form ? businessKindLabel({ businessType: row.businessType, payload: { form: row.form } }) : null,
    physicianName: row.physicianName,
    idNumberMasked: row.idNumberMasked,
    /** 是否修改过信息 (BT-11). */
    infoEdited: row.infoEdited === true,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    state,
    stateLabel: APPLICATION_STATE_LABELS[state] ?? state,
    institutionReview: institutionReviewStatus(state),
    institutionDecidedAt: row.institutionDecidedAt?.toISOString() ?? null,
    authorityReview: authorityReviewStatus(state),
    authorityDecidedAt: row.decidedAt?.toISOString() ?? null,
    authorityName: row.authorityName,
    channel: row.channel,
    channelLabel: CHANNEL_LABELS[row.channel] ?? row.channel,
    version: row.version,
    allowedActions: allowedActions(state, actor.role),
  };
}
