/** Steps 5–7: 学历与任职资格, 照片, 申请人承诺 (《医师法》第十六条). */
import { Alert, Button, Checkbox, DatePicker, Form, Image, Input, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DECLARATIONS, PHOTO_GUIDANCE, UPLOAD_LIMITS, formatMegabytes } from '@medreg/domain';
import { useApiErrorHandler } from '../../../../api/use-api-error';
import { ProblemAlert } from '../../../../components/problem-alert';
import { dayjs } from '../../../../lib/dayjs';
import { useEducationOptions, useUploadPhoto } from '../applications-api';
import { StepButtons, StepForm, type StepProps } from './step-form';

export function EducationStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const options = useEducationOptions();
  const e = app.payload.education ?? {};
  const select = (values: string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: v }));
  return (
    <StepForm {...props} form={form}
      initialValues={{ education: { ...e, graduationDate: e.graduationDate ? dayjs(e.graduationDate) : undefined }, title: app.payload.title }}
      toValues={(raw) => {
        const edu = (raw.education ?? {}) as Record<string, unknown>;
        const date = edu.graduationDate as ReturnType<typeof dayjs> | undefined;
        return {
          education: {
            education: edu.education as string | undefined,
            degree: edu.degree as string | undefined,
            school: edu.school as string | undefined,
            major: edu.major as string | undefined,
            graduationDate: date ? date.format('YYYY-MM-DD') : undefined,
          },
          title: raw.title as string | undefined,
        };
      }}
    >
      <div className="application-grid">
        <Form.Item name={['education', 'education']} label="学历" rules={[{ required: true, message: '请选择学历' }]}>
          <Select placeholder="请选择" options={select(options.data?.educationLevels)} />
        </Form.Item>
        <Form.Item name={['education', 'degree']} label="学位">
          <Select placeholder="请选择" allowClear options={select(options.data?.degrees)} />
        </Form.Item>
        <Form.Item name={['education', 'school']} label="毕业院校" rules={[{ required: true, message: '请填写毕业院校' }]}>
          <Input maxLength={100} placeholder="如：北京大学医学部" />
        </Form.Item>
        <Form.Item name={['education', 'major']} label="所学专业" rules={[{ required: true, message: '请填写所学专业' }]}>
          <Input maxLength={100} placeholder="如：临床医学" />
        </Form.Item>
        <Form.Item name={['education', 'graduationDate']} label="毕业时间" rules={[{ required: true, message: '请选择毕业时间' }]}>
          <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
        </Form.Item>
        <Form.Item name="title" label="任职资格" rules={[{ required: true, message: '请选择任职资格' }]}>
          <Select placeholder="请选择" options={(options.data?.titles ?? []).map((t) => ({ value: t.label, label: `${t.label}（${t.grade}）` }))} />
        </Form.Item>
      </div>
      <ProblemAlert error={options.error} />
    </StepForm>
  );
}

export function PhotoStep({ app, onNext, onPrev }: StepProps) {
  const upload = useUploadPhoto(app.id);
  const showError = useApiErrorHandler();
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`请上传${PHOTO_GUIDANCE}`} description={`JPG 或 PNG 格式，文件不超过 ${formatMegabytes(UPLOAD_LIMITS.photoBytes)}。照片将去除拍摄时间、地点等信息后保存，并印在《医师执业注册申请审核表》和执业证书上。`} />
      <Space align="start" size={24} wrap style={{ marginBottom: 20 }}>
        <div className="application-photo-frame">
          {app.form.photoUrl
            ? <Image src={app.form.photoUrl} alt="申请人照片" width={132} height={176} style={{ objectFit: 'cover' }} />
            : <Typography.Text type="secondary">尚未上传照片</Typography.Text>}
        </div>
        <Upload
          accept=".jpg,.jpeg,.png,image/jpeg,image/png"
          showUploadList={false}
          maxCount={1}
          customRequest={({ file }) => upload.mutate(file as File, { onError: (e) => showError(e) })}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>{app.form.photoUrl ? '重新上传' : '选择照片上传'}</Button>
        </Upload>
      </Space>
      <ProblemAlert error={upload.error} style={{ marginBottom: 16 }} />
      <StepButtons onPrev={onPrev} nextLabel="确认，下一步" onNext={onNext} />
      {!app.form.photoUrl && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>提交前须上传照片。</Typography.Paragraph>}
    </>
  );
}

export function DeclarationsStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const initial = Object.fromEntries(app.form.declarations.map((d) => [d.key, d.accepted]));
  return (
    <StepForm {...props} form={form}
      initialValues={{ declarations: initial }}
      toValues={(raw) => ({ declarations: (raw.declarations ?? {}) as Record<string, boolean> })}
    >
      <Typography.Paragraph>
        根据《中华人民共和国医师法》第十六条，有下列情形之一的不予注册。请逐项阅读并确认：
      </Typography.Paragraph>
      {DECLARATIONS.map((d) => (
        <Form.Item key={d.key} name={['declarations', d.key]} valuePropName="checked" style={{ marginBottom: 10 }}
          rules={[{ validator: (_r, v) => (v === true ? Promise.resolve() : Promise.reject(new Error('须逐项确认申请人承诺'))) }]}>
          <Checkbox>{d.text}</Checkbox>
        </Form.Item>
      ))}
    </StepForm>
  );
}
