/**
 * A qualification import's life, as ONE table (like the application workflow in ../workflow):
 *
 *  read    已排队 → 读取中   a worker takes the queued import (one worker, whichever process)
 *  merge   读取中 → 合并中   every row has been read; valid rows wait in staging
 *  finish  合并中 → 已完成   staging merged into the qualification database in one transaction
 *  fail    已排队 / 读取中 / 合并中 → 失败   the file cannot be read (or the merge failed): nothing was merged
 *
 * Every change is one qualification_import_events row in the same transaction as the status.
 */
import { z } from 'zod';
import { defineErrors, spec } from '../errors';
import { plainText } from '../text/plain-text';

export const QUALIFICATION_IMPORT_STATUSES = ['queued', 'reading', 'merging', 'done', 'failed'] as const;
export type QualificationImportStatus = (typeof QUALIFICATION_IMPORT_STATUSES)[number];

export const QUALIFICATION_IMPORT_STATUS_LABELS = {
  queued: '排队中',
  reading: '读取校验中',
  merging: '合并入库中',
  done: '已完成',
  failed: '导入失败',
} as const satisfies Record<QualificationImportStatus, string>;

export const QUALIFICATION_IMPORT_ACTIONS = ['read', 'merge', 'finish', 'fail'] as const;
export type QualificationImportAction = (typeof QUALIFICATION_IMPORT_ACTIONS)[number];

export const QUALIFICATION_IMPORT_WORKFLOW = {
  read: { label: '开始读取', from: ['queued'], to: 'reading' },
  merge: { label: '开始合并', from: ['reading'], to: 'merging' },
  finish: { label: '导入完成', from: ['merging'], to: 'done' },
  fail: { label: '导入失败', from: ['queued', 'reading', 'merging'], to: 'failed' },
} as const satisfies Record<QualificationImportAction, { label: string; from: readonly QualificationImportStatus[]; to: QualificationImportStatus }>;

export const QualificationImportWorkflowErrors = defineErrors({
  QUALIFICATION_IMPORT_ACTION_NOT_ALLOWED: spec(409, '该导入任务当前状态不允许此操作', 'Not allowed in the import\'s current status'),
});

/** The status after `action`, or QUALIFICATION_IMPORT_ACTION_NOT_ALLOWED naming what the status allows. */
export function qualificationImportTransition(status: QualificationImportStatus, action: QualificationImportAction): QualificationImportStatus {
  const rule = QUALIFICATION_IMPORT_WORKFLOW[action];
  if (!(rule.from as readonly string[]).includes(status)) {
    const allowed = QUALIFICATION_IMPORT_ACTIONS.filter((a) => (QUALIFICATION_IMPORT_WORKFLOW[a].from as readonly string[]).includes(status));
    throw QualificationImportWorkflowErrors.QUALIFICATION_IMPORT_ACTION_NOT_ALLOWED({
      detail: `「${QUALIFICATION_IMPORT_STATUS_LABELS[status]}」的导入任务${allowed.length ? `只能${allowed.map((a) => QUALIFICATION_IMPORT_WORKFLOW[a].label).join('、')}` : '已结束，不能再变更'}`,
    });
  }
  return rule.to;
}

export function isQualificationImportRunning(status: QualificationImportStatus): boolean {
  return status === 'queued' || status === 'reading' || status === 'merging';
}

/** 导入记录 list: filters, newest first, keyset-paginated by `cursor`, with the total. */
export const QualificationImportListQuery = z.object({
  status: z.enum(QUALIFICATION_IMPORT_STATUSES).optional(),
  /** Part of the file name. */
  fileName: plainText().trim().max(100).optional(),
  cursor: plainText().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type QualificationImportListQuery = z.output<typeof QualificationImportListQuery>;
