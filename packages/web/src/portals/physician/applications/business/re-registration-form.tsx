/**
 * BT-08 重新注册: after a 注销, a new registration as 首次注册 asks for it (医师资格, 执业地点, 主要执业机构, 执业类别 =
 * the qualification's, 执业范围, 科室) plus the evidence the law names — the 考核合格证明 (《医师法》第十九条) and the
 * certificate of six months' continuous training (《医师执业注册管理办法》), each an uploaded file. The cancelled
 * registration is shown first; it stays 注销.
 */
import { Alert, DatePicker, Form, Input, Select, Typography } from 'antd';
import {
  MIN_RETRAINING_MONTHS, RE_REGISTRATION_EVIDENCE_LABELS, RE_REGISTRATION_EXPLANATION, ReRegistrationForm, UPLOAD_LIMITS, formatMegabytes,
  practiceLocationRule, trainingMustReach,
} from '@medreg/domain';
import { dayjs } from '../../../../lib/dayjs';
import { formatDate } from '../../../../lib/format';
import { useAttachments } from '../business-api';
import { DepartmentSelect, useDepartmentHint } from '../wizard/department-select';
import { InstitutionPicker } from '../wizard/institution-picker';
import { ProvinceSelect } from '../wizard/province-select';
import { ScopeCheckboxes } from '../wizard/scope-checkboxes';
import { StepButtons } from '../wizard/step-form';
import { BusinessFormStep, isoDate, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentRegistration } from './current-registration';
import { DeclarationsItems, declarationsOf } from './declarations-items';
import { FileField } from './scope-evidence-items';
import type { BusinessFormProps } from './types';

const TITLES = ['须知', '填写申请', '核对提交'];
const FILE_HINT = `JPG、PNG 或 PDF，不超过 ${formatMegabytes(UPLOAD_LIMITS.attachmentBytes)}`;
const day = (v: unknown) => (typeof v === 'string' ? dayjs(v) : undefined);
const future = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

export function ReRegistrationBusinessForm({ app, options, step, goTo }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form as Record<string, Record<string, unknown> | string | string[] | undefined>;
  const registration = options.registrations.find((r) => r.id === app.business!.subjectRegistrationId);
  const attachments = useAttachments(app.id);
  const place = Form.useWatch('practiceLocationCode', form) as string | undefined;
  const institutionId = Form.useWatch('institutionId', form) as string | undefined;
  const qualificationId = Form.useWatch('qualificationId', form) as string | undefined;
  const trainingFrom = isoDate(Form.useWatch(['training', 'from'], form));
  const departmentHint = useDepartmentHint(institutionId);
  if (!registration) return <Alert type="error" showIcon title="未找到已注销的执业注册" />;
  const qualifications = options.qualifications.filter((q) => q.status === 'valid');
  const qualification = qualifications.find((q) => q.id === qualificationId);
  const assessment = (saved.assessment ?? {}) as Record<string, unknown>;
  const training = (saved.training ?? {}) as Record<string, unknown>;
  const filename = (sha: unknown) => attachments.data?.items.find((a) => a.fileSha256 === sha)?.filename;

  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={goTo} />
      <div className="application-step-body">
        {step === 0 && (
          <>
            <Alert type="info" showIcon className="business-guidance" title="重新注册须知" description={RE_REGISTRATION_EXPLANATION} />
            <CurrentRegistration r={registration} title="已注销的执业注册（保持注销）" />
            <StepButtons nextLabel="确认，下一步" onNext={() => goTo(1)} />
          </>
        )}
        {step === 1 && (
          <BusinessFormStep app={app} form={form} schema={ReRegistrationForm} onPrev={() => goTo(0)} onNext={() => goTo(2)}
            initialValues={{
              qualificationId: saved.qualificationId ?? (qualifications.length === 1 ? qualifications[0]!.id : undefined),
              practiceLocationCode: saved.practiceLocationCode, institutionId: saved.institutionId, scopes: saved.scopes ?? [],
              department: saved.department, startDate: day(saved.startDate), declarations: saved.declarations ?? {},
              assessment: { assessedBy: assessment.assessedBy, passedOn: day(assessment.passedOn), fileSha256: assessment.fileSha256 },
              training: { institution: training.institution, from: day(training.from), to: day(training.to), fileSha256: training.fileSha256 },
            }}
            toForm={(raw) => {
              const a = (raw.assessment ?? {}) as Record<string, unknown>;
              const t = (raw.training ?? {}) as Record<string, unknown>;
              const chosen = qualifications.find((q) => q.id === raw.qualificationId);
              return {
                registrationId: registration.id, qualificationId: raw.qualificationId, practiceLocationCode: raw.practiceLocationCode,
                institutionId: raw.institutionId, category: chosen?.category, scopes: (raw.scopes as string[] | undefined) ?? [],
                department: text(raw.department), startDate: isoDate(raw.startDate), declarations: declarationsOf(raw.declarations),
                assessment: { assessedBy: text(a.assessedBy), passedOn: isoDate(a.passedOn), fileSha256: a.fileSha256 ?? '' },
                training: { institution: text(t.institution), from: isoDate(t.from), to: isoDate(t.to), fileSha256: t.fileSha256 ?? '' },
              };
            }}
          >
            <Form.Item name="qualificationId" label="医师资格" extra="执业类别与所选医师资格的类别相同">
              <Select placeholder={qualifications.length ? '请选择' : '您没有有效的医师资格'} onChange={() => form.setFieldValue('scopes', [])}
                options={qualifications.map((q) => ({ value: q.id, label: `${q.levelLabel} ${q.categoryLabel}（${formatDate(q.obtainedOn)}）` }))} />
            </Form.Item>
            <Form.Item name="practiceLocationCode" label="执业地点（省份）" extra={qualification ? practiceLocationRule(qualification.level) : undefined}>
              <ProvinceSelect onChange={() => form.setFieldsValue({ institutionId: undefined, department: undefined })} />
            </Form.Item>
            <Form.Item name="institutionId" label="主要执业机构">
              <InstitutionPicker place={place} onChange={() => form.setFieldValue('department', undefined)} />
            </Form.Item>
            <Form.Item label="执业类别">
              <Typography.Text>{qualification?.categoryLabel ?? '请先选择医师资格'}</Typography.Text>
            </Form.Item>
            <Form.Item name="scopes" label="执业范围">
              {qualification ? <ScopeCheckboxes category={qualification.category} /> : <Typography.Text type="secondary">请先选择医师资格</Typography.Text>}
            </Form.Item>
            <div className="application-grid">
              <Form.Item name="department" label="科室" extra={departmentHint}>
                <DepartmentSelect institutionId={institutionId} />
              </Form.Item>
              <Form.Item name="startDate" label="拟在该机构执业时间">
                <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
              </Form.Item>
            </div>

            <fieldset className="business-fieldset">
              <legend>考核合格证明</legend>
              <Typography.Paragraph type="secondary">{RE_REGISTRATION_EVIDENCE_LABELS.assessment}</Typography.Paragraph>
              <div className="application-grid">
                <Form.Item name={['assessment', 'assessedBy']} label="考核机构" extra="县级以上卫生健康主管部门或其委托的医疗卫生机构、行业组织">
                  <Input maxLength={100} placeholder="如：北京市东城区卫生健康委员会" />
                </Form.Item>
                <Form.Item name={['assessment', 'passedOn']} label="考核合格日期">
                  <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={future} />
                </Form.Item>
              </div>
              <Form.Item name={['assessment', 'fileSha256']} label="考核合格证明" extra={FILE_HINT}>
                <FileField applicationId={app.id} filename={filename(form.getFieldValue(['assessment', 'fileSha256']))} onUploaded={() => attachments.refetch()} />
              </Form.Item>
            </fieldset>

            <fieldset className="business-fieldset">
              <legend>培训合格证明</legend>
              <Typography.Paragraph type="secondary">{RE_REGISTRATION_EVIDENCE_LABELS.training}</Typography.Paragraph>
              <Form.Item name={['training', 'institution']} label="培训机构" extra="省级以上卫生健康主管部门指定的培训机构">
                <Input maxLength={100} placeholder="如：北京协和医院" />
              </Form.Item>
              <div className="application-grid">
                <Form.Item name={['training', 'from']} label="培训开始日期">
                  <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={future} />
                </Form.Item>
                <Form.Item name={['training', 'to']} label="培训结束日期"
                  extra={trainingFrom ? `须连续培训${MIN_RETRAINING_MONTHS}个月以上：结束日期不早于 ${trainingMustReach(trainingFrom)}` : `须连续培训${MIN_RETRAINING_MONTHS}个月以上`}>
                  <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={future} />
                </Form.Item>
              </div>
              <Form.Item name={['training', 'fileSha256']} label="培训合格证明" extra={FILE_HINT}>
                <FileField applicationId={app.id} filename={filename(form.getFieldValue(['training', 'fileSha256']))} onUploaded={() => attachments.refetch()} />
              </Form.Item>
            </fieldset>
            <DeclarationsItems />
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1)} />}
      </div>
    </>
  );
}
