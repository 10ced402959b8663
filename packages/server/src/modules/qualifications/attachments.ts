/**
 * The attachments of a 资格补改 request (《医师资格证书》, ID card… as photos or scans): JPEG, PNG or PDF by their
 * content, each inspected and rewritten by storage/upload-inspection.ts, at most
 * UPLOAD_LIMITS.attachmentsPerCorrection of them, each within attachmentBytes and together within
 * correctionTotalBytes (what is stored counts). All is checked before anything is stored.
 */
import { inArray } from 'drizzle-orm';
import { UPLOAD_LIMITS, formatMegabytes, type DomainError } from '@medreg/domain';
import type { Ctx } from '../../context';
import { blobs } from '../../db/schema/index';
import { inspectUpload, UploadRefusedError, UPLOAD_TYPES, type ActiveContentKind, type InspectedUpload } from '../../storage/upload-inspection';
import { QualificationErrors } from './errors';

/** One file as the form sent it; the name is used in messages only. */
export interface Attachment {
  filename: string;
  data: Buffer;
}

const ACTIVE_CONTENT_LABELS = {
  javascript: 'JavaScript 脚本',
  launch: '启动外部程序的操作',
  embedded_file: '嵌入的文件',
  additional_actions: '自动执行的操作',
  rich_media: '多媒体或三维内容',
  xfa: 'XFA 动态表单',
  submit_form: '提交表单数据的操作',
  import_data: '导入数据的操作',
} as const satisfies Record<ActiveContentKind, string>;

const EACH = formatMegabytes(UPLOAD_LIMITS.attachmentBytes);

function attachmentRefusal(refusal: UploadRefusedError, a: Attachment, index: number): DomainError {
  const path = ['attachments', index];
  const file = `附件「${a.filename}」`;
  switch (refusal.reason) {
    case 'type':
      return QualificationErrors.ATTACHMENT_TYPE_NOT_ALLOWED({ path, detail: `${file}不是 JPEG、PNG 图片或 PDF 文件` });
    case 'unreadable':
      return QualificationErrors.ATTACHMENT_UNREADABLE({ path, detail: `${file}已损坏或不完整，无法作为 JPEG、PNG 图片或 PDF 文件打开，请重新扫描或导出后上传` });
    case 'too_complex':
      return QualificationErrors.ATTACHMENT_UNREADABLE({ path, detail: `${file}结构过于复杂，无法完成检查，请“打印为 PDF”或重新扫描后上传` });
    case 'no_pages':
      return QualificationErrors.ATTACHMENT_UNREADABLE({ path, detail: `${file}没有任何页面` });
    case 'pixels':
      return QualificationErrors.ATTACHMENT_TOO_MANY_PIXELS({ path, detail: `${file}像素过多：${QualificationErrors.ATTACHMENT_TOO_MANY_PIXELS().title}` });
    case 'too_large':
      return QualificationErrors.ATTACHMENT_TOO_LARGE({ path, detail: `${file}超过 ${EACH}` });
    case 'too_large_processed':
      return QualificationErrors.ATTACHMENT_TOO_LARGE({ path, detail: `${file}转换后仍超过 ${EACH}，请压缩后再上传` });
    case 'encrypted':
      return QualificationErrors.ATTACHMENT_ENCRYPTED({ path, detail: `${file}已加密或设有密码，请取消密码后重新上传` });
    case 'active_content': {
      const what = refusal.activeContent ? ACTIVE_CONTENT_LABELS[refusal.activeContent] : '活动内容';
      return QualificationErrors.ATTACHMENT_ACTIVE_CONTENT({
        path,
        detail: `${file}含有${what}，不能上传。请用“打印为 PDF”另存一份，或重新扫描后上传`,
        extra: { activeContent: refusal.activeContent ?? null },
      });
    }
  }
}

/**
 * The files to store, in the order sent; refuses with the field path of the file (['attachments', i]) or of the
 * list (['attachments']) for the count and the total. One file at a time: a request never decodes three at once.
 */
export async function inspectAttachments(attachments: Attachment[]): Promise<InspectedUpload[]> {
  if (attachments.length > UPLOAD_LIMITS.attachmentsPerCorrection) throw QualificationErrors.TOO_MANY_ATTACHMENTS({ path: ['attachments'] });
  const inspected: InspectedUpload[] = [];
  for (const [i, a] of attachments.entries()) {
    try {
      inspected.push(await inspectUpload(a.data, UPLOAD_TYPES, { maxBytes: UPLOAD_LIMITS.attachmentBytes, maxPixels: UPLOAD_LIMITS.imageMaxPixels }));
    } catch (error) {
      if (error instanceof UploadRefusedError) throw attachmentRefusal(error, a, i);
      throw error;
    }
  }
  const total = inspected.reduce((sum, f) => sum + f.sizeBytes, 0);
  if (total > UPLOAD_LIMITS.correctionTotalBytes) {
    throw QualificationErrors.ATTACHMENTS_TOTAL_TOO_LARGE({
      path: ['attachments'],
      detail: `附件合计 ${formatMegabytes(total)}，超过 ${formatMegabytes(UPLOAD_LIMITS.correctionTotalBytes)}，请压缩或减少附件后重新提交`,
      extra: { totalBytes: total, limitBytes: UPLOAD_LIMITS.correctionTotalBytes },
    });
  }
  return inspected;
}

/** One attachment as the authority's list shows it: its position, type, size and download address (no hash). */
export interface AttachmentView {
  index: number;
  contentType: string | null;
  sizeBytes: number | null;
  url: string;
}

export function attachmentUrl(correctionId: string, index: number): string {
  return `/api/v1/authority/qualification-corrections/${correctionId}/attachments/${index}`;
}

/** Type and size of each blob of a page of requests, read once from the `blobs` index. */
export async function attachmentMetadata(c: Ctx, sha256s: string[]): Promise<Map<string, { contentType: string; sizeBytes: number }>> {
  const unique = [...new Set(sha256s)];
  if (unique.length === 0) return new Map();
  const rows = await c.tx.select({ sha256: blobs.sha256, contentType: blobs.contentType, sizeBytes: blobs.sizeBytes })
    .from(blobs).where(inArray(blobs.sha256, unique));
  return new Map(rows.map((r) => [r.sha256, { contentType: r.contentType, sizeBytes: Number(r.sizeBytes) }]));
}

export function presentAttachments(correctionId: string, sha256s: string[], meta: Map<string, { contentType: string; sizeBytes: number }>): AttachmentView[] {
  return sha256s.map((sha, index) => ({
    index,
    contentType: meta.get(sha)?.contentType ?? null,
    sizeBytes: meta.get(sha)?.sizeBytes ?? null,
    url: attachmentUrl(correctionId, index),
  }));
}
