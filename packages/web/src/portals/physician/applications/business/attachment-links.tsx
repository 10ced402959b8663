/** The evidence files of an application, each a download link (GET …/attachments/:id). */
import { PaperClipOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useAttachments } from '../business-api';

export function AttachmentLinks({ applicationId }: { applicationId: string }) {
  const attachments = useAttachments(applicationId);
  const items = attachments.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <ul className="business-attachments" aria-label="证明文件">
      {items.map((a) => (
        <li key={a.id}>
          <Typography.Link href={a.url} download={a.filename}><PaperClipOutlined /> {a.filename}</Typography.Link>
          <Typography.Text type="secondary">（{Math.max(1, Math.round(a.sizeBytes / 1024))} KB）</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
