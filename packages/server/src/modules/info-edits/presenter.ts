/** 个人信息修改 requests as the physician and the institution see them. */
import {
  ACTOR_ROLE_LABELS, INFO_EDIT_STATUS_LABELS, INFO_EDIT_WORKFLOW, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO, allowedInfoEditActions,
  isActorRole, type ActorRole, type InfoEditRow,
} from '@medreg/domain';
import type { InfoEditViewRow, selectInfoEditEvents } from './queries';
import type { InfoEditView } from './schemas';

export type Viewer = 'physician' | 'institution';

function photoUrl(viewer: Viewer, id: string, side: 'old' | 'new') {
  return `/api/v1/${viewer}/info-edits/${id}/photo?side=${side}`;
}

/** The review rows; a photo shows as links to its old and new image. */
export function presentRows(viewer: Viewer, id: string, rows: readonly InfoEditRow[]): InfoEditView['rows'] {
  return rows.map((r) => (r.field === 'photoSha256'
    ? { field: r.field, label: r.label, old: null, new: null, oldPhotoUrl: r.old ? photoUrl(viewer, id, 'old') : null, newPhotoUrl: photoUrl(viewer, id, 'new') }
    : { field: r.field, label: r.label, old: r.old, new: r.new, oldPhotoUrl: null, newPhotoUrl: null }));
}

export function presentInfoEdit(row: InfoEditViewRow, viewer: Viewer, role: ActorRole): InfoEditView {
  const e = row.edit;
  return {
    id: e.id,
    version: e.version,
    registration: {
      registrationId: e.registrationId,
      licenceCode: row.licenceCode,
      institutionName: row.institutionName,
      levelLabel: PHYSICIAN_LEVEL_INFO[row.level].label,
      categoryLabel: PRACTICE_CATEGORY_INFO[row.category].label,
    },
    physicianName: row.physicianName,
    idNumberMasked: row.idNumberMasked,
    status: e.status,
    statusLabel: INFO_EDIT_STATUS_LABELS[e.status],
    rows: presentRows(viewer, e.id, e.changes),
    decisionReason: e.decisionReason,
    createdAt: e.createdAt.toISOString(),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    allowedActions: allowedInfoEditActions(e.status, role).map((a) => ({
      action: a, label: INFO_EDIT_WORKFLOW[a].label, requiresReason: INFO_EDIT_WORKFLOW[a].requiresReason,
    })),
  };
}

const EVENT_LABELS = { submit: '提交申请', approve: INFO_EDIT_WORKFLOW.approve.label, refuse: INFO_EDIT_WORKFLOW.refuse.label, withdraw: INFO_EDIT_WORKFLOW.withdraw.label } as const;

export function presentHistory(events: Awaited<ReturnType<typeof selectInfoEditEvents>>) {
  return events.map(({ event, actorName }) => ({
    action: event.action,
    label: EVENT_LABELS[event.action],
    toStatusLabel: INFO_EDIT_STATUS_LABELS[event.toStatus],
    actorName,
    actorRoleLabel: isActorRole(event.actorRole) ? ACTOR_ROLE_LABELS[event.actorRole] : event.actorRole,
    reason: event.reason,
    at: event.createdAt.toISOString(),
  }));
}
