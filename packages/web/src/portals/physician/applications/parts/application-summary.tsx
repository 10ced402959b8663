/** The application's data, read-only: the review step and the 业务进度 detail show the same blocks. */
import { Button, Descriptions, Image, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { EMPTY, formatDate } from '../../../../lib/format';
import type { ApplicationDetail } from '../applications-api';

/** Which wizard step edits which field (the first element of a field path). */
export const STEP_OF_FIELD: Record<string, number> = {
  practiceLocationCode: 0, institutionId: 1, category: 2, scopes: 2, startDate: 3, department: 3, education: 4, title: 4, photoSha256: 5, declarations: 6,
};

function Section({ title, step, onEdit, children }: { title: string; step: number; onEdit?: (step: number) => void; children: ReactNode }) {
  return (
    <div className="application-summary-section">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
        {onEdit && <Button type="link" size="small" onClick={() => onEdit(step)}>修改</Button>}
      </Space>
      <div>{children}</div>
    </div>
  );
}

const v = (x: string | null | undefined) => x || EMPTY;

export function ApplicationSummary({ app, onEdit }: { app: ApplicationDetail; onEdit?: (step: number) => void }) {
  const f = app.form;
  const e = f.education ?? {};
  return (
    <div className="application-summary">
      <Section title="申请人" step={0}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
          { key: 'name', label: '姓名', children: app.applicant.name },
          { key: 'id', label: '身份证号', children: app.applicant.idNumber },
          { key: 'sex', label: '性别', children: app.applicant.sexLabel },
          { key: 'birth', label: '出生日期', children: app.applicant.birthDate },
          { key: 'cert', label: '资格证书编码', children: v(app.qualification?.certCode) },
          { key: 'qdate', label: '取得资格时间', children: v(app.qualification?.obtainedDate) },
        ]} />
      </Section>
      <Section title="拟注册信息" step={0} onEdit={onEdit}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
          { key: 'level', label: '执业级别', children: v(app.levelLabel) },
          { key: 'place', label: '执业地点', children: v(f.practiceLocation?.name) },
          { key: 'inst', label: '主要执业机构', span: 2, children: f.institution ? `${f.institution.name}（${f.institution.areaName}）` : EMPTY },
          { key: 'cat', label: '执业类别', children: v(f.categoryLabel) },
          { key: 'scopes', label: '执业范围', children: f.scopes.length ? f.scopes.map((s) => s.label).join('、') : EMPTY },
          { key: 'start', label: '拟在该机构执业时间', children: formatDate(f.startDate) },
          { key: 'dept', label: '科室', children: v(f.department) },
        ]} />
      </Section>
      <Section title="学历与任职资格" step={4} onEdit={onEdit}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
          { key: 'edu', label: '学历', children: v(e.education) },
          { key: 'deg', label: '学位', children: v(e.degree) },
          { key: 'school', label: '毕业院校', children: v(e.school) },
          { key: 'major', label: '所学专业', children: v(e.major) },
          { key: 'grad', label: '毕业时间', children: formatDate(e.graduationDate) },
          { key: 'title', label: '任职资格', children: v(f.title) },
        ]} />
      </Section>
      <Section title="照片" step={5} onEdit={onEdit}>
        {f.photoUrl
          ? <Image src={f.photoUrl} alt="申请人照片" width={99} height={132} style={{ objectFit: 'cover', border: '1px solid #e6e9ef' }} />
          : <Typography.Text type="danger">尚未上传照片</Typography.Text>}
      </Section>
      <Section title="申请人承诺" step={6} onEdit={onEdit}>
        <ul className="application-declarations">
          {f.declarations.map((d) => (
            <li key={d.key}>
              {d.accepted ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />} {d.text}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
