/**
 * 查看电子证照: opens the electronic practice certificate (PDF, view and print in the browser's viewer) of a
 * registration in force. A plain Button on a white background — not a link inside a coloured Alert, whose text
 * colour would not contrast enough with the green (WCAG 1.4.3).
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';

export function certificateUrl(registrationId: string): string {
  return `/api/v1/registrations/${registrationId}/certificate.pdf`;
}

export function CertificateButton({ registrationId, size }: { registrationId: string; size?: 'small' | 'middle' }) {
  return (
    <Button icon={<FilePdfOutlined />} href={certificateUrl(registrationId)} target="_blank" rel="noopener" size={size}>
      查看电子证照
    </Button>
  );
}
