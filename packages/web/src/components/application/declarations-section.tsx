import { Typography } from 'antd';
import { DetailSection } from './detail-section';
import './business-change.css';

/** 申请人承诺 (《医师法》第十六条), each item with whether the applicant confirmed it. */
export function DeclarationsSection({ declarations }: { declarations: { key: string; text: string; accepted: boolean }[] }) {
  return (
    <DetailSection title="申请人承诺">
      <ul className="app-data-check-list">
        {declarations.map((d) => (
          <li key={d.key}>
            <Typography.Text type={d.accepted ? undefined : 'danger'}>{d.accepted ? '☑' : '☐'} {d.text}</Typography.Text>
          </li>
        ))}
      </ul>
    </DetailSection>
  );
}
