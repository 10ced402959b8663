/** A generic-path application, read-only (业务进度 detail): the business and its kind, the 审核表 rows old → new, the reason, the evidence. */
import { Descriptions, Typography } from 'antd';
import type { BusinessApplication } from '../business-api';
import { AttachmentLinks } from './attachment-links';
import { ReviewTable } from './review-table';

/** The reason as the physician wrote it (补发/换领 has a reason code and a note: the note). */
export function reasonText(app: BusinessApplication): string | null {
  const b = app.business!;
  if (b.type === 'certificate_reissue') return typeof b.form.note === 'string' ? b.form.note : null;
  return b.reason;
}

export function BusinessSummary({ app }: { app: BusinessApplication }) {
  const b = app.business!;
  const reason = reasonText(app);
  return (
    <div className="business-summary">
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} items={[
        { key: 'type', label: '业务', children: b.label },
        ...(b.kindLabel ? [{ key: 'kind', label: '申请事项', children: b.kindLabel }] : []),
        { key: 'reason', label: b.type === 'certificate_reissue' ? '说明' : '申请理由', children: reason ? <span className="business-reason">{reason}</span> : <Typography.Text type="secondary">未填写</Typography.Text> },
      ]} />
      <ReviewTable rows={b.review} />
      <AttachmentLinks applicationId={app.id} />
    </div>
  );
}
