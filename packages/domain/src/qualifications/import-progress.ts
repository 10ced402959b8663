/**
 * The progress of a 资格数据导入 as the page's bar shows it. The number of rows is unknown until the whole file is
 * read, so the bar is the share of the file's bytes read: reading fills 0–90 %, the merge (one transaction) shows
 * 95 %, an ended import 100 %.
 */
import type { QualificationImportStatus } from './import-workflow';

export function importProgressPercent(status: QualificationImportStatus, bytesRead: number, fileBytes: number): number {
  if (status === 'done' || status === 'failed') return 100;
  if (status === 'merging') return 95;
  if (status === 'queued' || fileBytes <= 0) return 0;
  return Math.min(90, Math.floor((90 * Math.min(bytesRead, fileBytes)) / fileBytes));
}
