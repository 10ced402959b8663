/** Steps 3–4: 执业类别与执业范围 (卫医发〔2001〕169号), then 拟在该机构执业时间 and 科室. */
import { Alert, DatePicker, Form, Select, Typography } from 'antd';
import { START_DATE_HINT, type PracticeCategory } from '@medreg/domain';
import { ProblemAlert } from '../../../../components/problem-alert';
import { dayjs } from '../../../../lib/dayjs';
import { useScopeCatalogue } from '../applications-api';
import { DepartmentSelect, useDepartmentHint } from './department-select';
import { ScopeCheckboxes, useScopeLimit } from './scope-checkboxes';
import { StepForm, type StepProps } from './step-form';

export function ScopeStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const catalogue = useScopeCatalogue();
  const category = (Form.useWatch('category', form) as string | undefined) ?? app.payload.category ?? app.qualification?.category;
  const grassroots = app.form.institution?.grassroots ?? false;
  const { max, texts } = useScopeLimit(category, grassroots);
  return (
    <StepForm {...props} form={form}
      initialValues={{ category: app.payload.category ?? app.qualification?.category, scopes: app.payload.scopes ?? [] }}
      toValues={(raw) => ({ category: raw.category as PracticeCategory, scopes: (raw.scopes as string[] | undefined) ?? [] })}
    >
      <Form.Item name="category" label="执业类别" rules={[{ required: true, message: '请选择执业类别' }]}
        extra={app.qualification ? `执业类别须与医师资格类别一致，您的医师资格为${app.qualification.categoryLabel}` : undefined}>
        <Select
          style={{ maxWidth: 360 }}
          options={(catalogue.data?.categories ?? []).map((c) => ({ value: c.category, label: c.fullLabel }))}
          onChange={() => form.setFieldValue('scopes', [])}
        />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`本次最多可选择${max}个执业范围${grassroots ? `（${app.form.institution?.name}为基层医疗机构）` : ''}`}
        description={<ul className="application-rule-list">{texts.map((t) => <li key={t}>{t}</li>)}</ul>}
      />
      <Form.Item name="scopes" label="执业范围" rules={[{ required: true, message: '请选择执业范围' }]}>
        <ScopeCheckboxes category={category} />
      </Form.Item>
      <ProblemAlert error={catalogue.error} />
    </StepForm>
  );
}

export function PracticeStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const hint = useDepartmentHint(app.payload.institutionId);
  return (
    <StepForm {...props} form={form}
      initialValues={{ startDate: app.payload.startDate ? dayjs(app.payload.startDate) : undefined, department: app.payload.department }}
      toValues={(raw) => ({
        startDate: raw.startDate ? (raw.startDate as ReturnType<typeof dayjs>).format('YYYY-MM-DD') : undefined,
        department: raw.department as string | undefined,
      })}
    >
      <Typography.Paragraph>主要执业机构：<Typography.Text strong>{app.form.institution?.name ?? '未选择'}</Typography.Text></Typography.Paragraph>
      <Form.Item name="startDate" label="拟在该机构执业时间" rules={[{ required: true, message: '请选择拟在该机构执业时间' }]} extra={`提示：${START_DATE_HINT}。`}>
        <DatePicker style={{ width: 220 }} placeholder="请选择日期" />
      </Form.Item>
      <Form.Item name="department" label="科室" rules={[{ required: true, message: '请选择科室' }]}
        extra={hint}>
        <DepartmentSelect institutionId={app.payload.institutionId} />
      </Form.Item>
    </StepForm>
  );
}
