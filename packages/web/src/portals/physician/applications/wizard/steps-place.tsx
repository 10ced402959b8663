/** Steps 1–2: 执业地点 and 主要执业机构 (searched by 标准名称 within the 执业地点). */
import { Alert, Descriptions, Form, Typography } from 'antd';
import { practiceLocationRule } from '@medreg/domain';
import { InstitutionPicker } from './institution-picker';
import { ProvinceSelect } from './province-select';
import { StepForm, type StepProps } from './step-form';

const provinceOf = (code: string | null | undefined) => (code ? `${code.slice(0, 2)}0000` : undefined);

export function LocationStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const level = app.level ?? 'physician';
  const q = app.qualification;
  return (
    <>
      {q && (
        <Descriptions size="small" bordered column={2} title="资格信息（来自医师资格库）" style={{ marginBottom: 20 }}
          items={[
            { key: 'code', label: '资格证书编码', children: q.certCode ?? '考试合格，证书待发' },
            { key: 'level', label: '级别', children: q.levelLabel },
            { key: 'category', label: '类别', children: q.categoryLabel },
            { key: 'date', label: '取得资格时间', children: q.obtainedDate ?? '—' },
          ]}
        />
      )}
      <StepForm {...props} form={form}
        initialValues={{ practiceLocationCode: provinceOf(app.payload.practiceLocationCode) }}
        toValues={(raw) => ({ practiceLocationCode: raw.practiceLocationCode as string })}
      >
        <Form.Item name="practiceLocationCode" label={level === 'physician' ? '执业地点（省份）' : '执业地点所在省份'} rules={[{ required: true, message: '请选择执业地点' }]}
          extra={practiceLocationRule(level)}>
          <ProvinceSelect />
        </Form.Item>
        {level === 'assistant' && app.form.practiceLocation && app.payload.institutionId && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`当前执业地点：${app.form.practiceLocation.name}（由主要执业机构所在县（区）确定）`} />
        )}
      </StepForm>
    </>
  );
}

export function InstitutionStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const place = app.payload.practiceLocationCode;
  return (
    <StepForm {...props} form={form}
      initialValues={{ institutionId: app.payload.institutionId }}
      toValues={(raw) => ({ practiceLocationCode: place, institutionId: raw.institutionId as string })}
    >
      <Typography.Paragraph>
        执业地点：<Typography.Text strong>{app.form.practiceLocation?.name ?? '未选择'}</Typography.Text>。
        请在执业地点内按机构的<Typography.Text strong>标准名称</Typography.Text>查找拟执业的主要执业机构（名称须与机构登记的标准名称一致）。
      </Typography.Paragraph>
      <Form.Item name="institutionId" label="主要执业机构" rules={[{ required: true, message: '请选择主要执业机构' }]}>
        <InstitutionPicker place={place} known={app.form.institution} />
      </Form.Item>
    </StepForm>
  );
}
