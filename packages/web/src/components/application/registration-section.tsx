import { Descriptions, Grid } from 'antd';
import type { ApplicationView } from '../../api/application-view';
import { EMPTY, formatDate } from '../../lib/format';
import { DetailSection } from './detail-section';

/** 拟注册信息: where, at which level, category and scope the physician asks to be registered. */
export function RegistrationSection({ application: a }: { application: Pick<ApplicationView, 'form' | 'levelLabel'> }) {
  const education = a.form.education;
  const wide = Grid.useBreakpoint().sm !== false;
  return (
    <DetailSection title="拟注册信息">
      <Descriptions
        size="small"
        bordered
        // On a phone: one column, labels above values.
        column={{ xs: 1, sm: 2 }}
        layout={wide ? 'horizontal' : 'vertical'}
        items={[
          { key: 'location', label: '执业地点', children: a.form.practiceLocation?.name ?? EMPTY },
          { key: 'institution', label: '主要执业机构', children: a.form.institution?.name ?? EMPTY },
          { key: 'level', label: '执业级别', children: a.levelLabel ?? EMPTY },
          { key: 'category', label: '执业类别', children: a.form.categoryLabel ?? EMPTY },
          { key: 'scopes', label: '执业范围', span: 2, children: a.form.scopes.map((s) => s.label).join('、') || EMPTY },
          { key: 'department', label: '科室', children: a.form.department ?? EMPTY },
          { key: 'start', label: '拟在该机构执业时间', children: formatDate(a.form.startDate) },
          { key: 'title', label: '任职资格', children: a.form.title ?? EMPTY },
          { key: 'education', label: '学历', children: [education?.education, education?.degree].filter(Boolean).join(' / ') || EMPTY },
          {
            key: 'school', label: '毕业院校及专业', span: 2,
            children: [education?.school, education?.major, education?.graduationDate && `${education.graduationDate} 毕业`].filter(Boolean).join('，') || EMPTY,
          },
        ]}
      />
    </DetailSection>
  );
}
