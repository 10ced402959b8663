/** The 资格补改 request's attachments as download links, and the colours of its statuses. */
import { Space, Typography } from 'antd';
import { formatFileSize } from '@medreg/domain';
import type { CorrectionAttachment } from './authority-api';

export const CORRECTION_STATUS_COLORS: Record<string, string> = { submitted: 'processing', in_review: 'blue', resolved: 'success', rejected: 'error' };
const TYPE_LABELS: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/** 附件1、附件2 … as downloads (the server answers `content-disposition: attachment`; each download is audited). */
export function AttachmentLinks({ attachments }: { attachments: CorrectionAttachment[] }) {
  if (attachments.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {attachments.map((a) => {
        const facts = [a.contentType ? TYPE_LABELS[a.contentType] : undefined, a.sizeBytes !== null ? formatFileSize(a.sizeBytes) : undefined].filter(Boolean).join('，');
        return (
          <Typography.Link key={a.index} href={a.url} download style={{ whiteSpace: 'nowrap' }}>
            附件{a.index + 1}{facts && <Typography.Text type="secondary">（{facts}）</Typography.Text>}
          </Typography.Link>
        );
      })}
    </Space>
  );
}

