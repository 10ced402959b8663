import { Descriptions, Grid, Typography } from 'antd';
import type { QualificationView } from '../../api/application-view';
import { EMPTY, formatDate } from '../../lib/format';
import { DetailSection } from './detail-section';
import './application-data.css';

type Qualification = Pick<QualificationView, 'certCode' | 'admissionTicketNo' | 'levelLabel' | 'categoryLabel' | 'obtainedDate'>;

/** 资格信息: the 医师资格 the application rests on. */
export function QualificationSection({ qualification: q }: { qualification: Qualification | null }) {
  const wide = Grid.useBreakpoint().sm !== false;
  return (
    <DetailSection title="资格信息">
      {q ? (
        <Descriptions
          size="small"
          bordered
          // On a phone: one column, labels above values.
          column={{ xs: 1, sm: 2 }}
          layout={wide ? 'horizontal' : 'vertical'}
          items={[
            { key: 'cert', label: '资格证书编码', span: 2, children: <span className="app-data-mono">{q.certCode ?? '（尚未发证）'}</span> },
            { key: 'level', label: '资格级别', children: q.levelLabel },
            { key: 'category', label: '资格类别', children: q.categoryLabel },
            { key: 'ticket', label: '准考证号', children: q.admissionTicketNo ?? EMPTY },
            { key: 'date', label: '取得资格日期', children: formatDate(q.obtainedDate) },
          ]}
        />
      ) : <Typography.Text type="secondary">申请未关联资格记录。</Typography.Text>}
    </DetailSection>
  );
}
