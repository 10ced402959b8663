/** 个人信息修改 (BT-11) as the server presents it to the physician and the institution (modules/info-edits/schemas.ts). */
import type { InfoEditAction, InfoEditField, InfoEditStatus, InfoEditValues } from '@medreg/domain';

export interface InfoEditRowView {
  field: InfoEditField;
  label: string;
  old: string | null;
  new: string | null;
  oldPhotoUrl: string | null;
  newPhotoUrl: string | null;
}

export interface InfoEditView {
  id: string;
  version: number;
  registration: { registrationId: string; licenceCode: string | null; institutionName: string; levelLabel: string; categoryLabel: string };
  physicianName: string;
  idNumberMasked: string;
  status: InfoEditStatus;
  statusLabel: string;
  rows: InfoEditRowView[];
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  allowedActions: { action: InfoEditAction; label: string; requiresReason: boolean }[];
}

export interface InfoEditDetail extends InfoEditView {
  history: { action: string; label: string; toStatusLabel: string; actorName: string | null; actorRoleLabel: string; reason: string | null; at: string }[];
  earlier: { id: string; decidedAt: string | null; rows: InfoEditRowView[] }[];
}

export interface CurrentRegistrationInfo {
  registrationId: string;
  licenceCode: string | null;
  institutionName: string;
  levelLabel: string;
  categoryLabel: string;
  statusLabel: string;
  values: InfoEditValues;
  photoUrl: string | null;
  canEdit: boolean;
  blockedReason: string | null;
  pendingId: string | null;
  edited: boolean;
}

export const INFO_EDIT_STATUS_COLORS: Record<InfoEditStatus, string> = {
  pending: 'processing', approved: 'success', refused: 'error', withdrawn: 'default',
};
