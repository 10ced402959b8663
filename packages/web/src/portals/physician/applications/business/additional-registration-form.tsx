/**
 * BT-02 增加执业地点注册: a registration in another province at a new main institution there; the registration it
 * starts from stays 有效 and lends its 执业类别 and 执业范围. The difference from 变更 is shown first
 * (ADDITIONAL_REGISTRATION_EXPLANATION, 《医师执业注册管理办法》第十七条).
 */
import { Alert, DatePicker, Form, Typography } from 'antd';
import { ADDITIONAL_REGISTRATION_EXPLANATION, AdditionalRegistrationForm } from '@medreg/domain';
import { dayjs } from '../../../../lib/dayjs';
import { DepartmentSelect, useDepartmentHint } from '../wizard/department-select';
import { InstitutionPicker } from '../wizard/institution-picker';
import { ProvinceSelect } from '../wizard/province-select';
import { StepButtons } from '../wizard/step-form';
import { BusinessFormStep, isoDate, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentRegistration } from './current-registration';
import { DeclarationsItems, declarationsOf } from './declarations-items';
import type { BusinessFormProps } from './types';

const TITLES = ['与变更注册的区别', '填写申请', '核对提交'];
const HELD = ['valid', 'suspended', 'filed'];

export function AdditionalRegistrationBusinessForm({ app, options, step, goTo }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form;
  const registration = options.registrations.find((r) => r.id === app.business!.subjectRegistrationId);
  const place = Form.useWatch('practiceLocationCode', form) as string | undefined;
  const institutionId = Form.useWatch('institutionId', form) as string | undefined;
  const departmentHint = useDepartmentHint(institutionId);
  if (!registration) return <Alert type="error" showIcon title="未找到申请所依据的执业注册" />;
  // At most one registration per province (Appendix A.2 item 6): those provinces are not offered.
  const held = Object.fromEntries(options.registrations.filter((r) => HELD.includes(r.status)).map((r) => [`${r.practiceLocation.code.slice(0, 2)}0000`, '已有执业注册']));

  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={goTo} />
      <div className="application-step-body">
        {step === 0 && (
          <>
            <Alert type="info" showIcon className="business-guidance" title="增加执业地点注册与变更注册的区别" description={ADDITIONAL_REGISTRATION_EXPLANATION} />
            <CurrentRegistration r={registration} title="保留的执业注册（继续有效）" />
            <StepButtons nextLabel="确认，下一步" onNext={() => goTo(1)} />
          </>
        )}
        {step === 1 && (
          <BusinessFormStep app={app} form={form} schema={AdditionalRegistrationForm} onPrev={() => goTo(0)} onNext={() => goTo(2)}
            initialValues={{
              practiceLocationCode: saved.practiceLocationCode, institutionId: saved.institutionId, department: saved.department,
              startDate: typeof saved.startDate === 'string' ? dayjs(saved.startDate) : undefined, declarations: saved.declarations ?? {},
            }}
            toForm={(raw) => ({
              registrationId: registration.id, practiceLocationCode: raw.practiceLocationCode, institutionId: raw.institutionId,
              department: text(raw.department), startDate: isoDate(raw.startDate), declarations: declarationsOf(raw.declarations),
            })}
          >
            <Typography.Paragraph type="secondary">
              执业类别和执业范围与原注册相同：{registration.categoryLabel}，{registration.scopes.map((s) => s.label).join('、')}。
            </Typography.Paragraph>
            <Form.Item name="practiceLocationCode" label="新增执业地点（省份）" extra="须为您尚无执业注册的其他省级行政区">
              <ProvinceSelect excluded={held} onChange={() => form.setFieldsValue({ institutionId: undefined, department: undefined })} />
            </Form.Item>
            <Form.Item name="institutionId" label="新执业地点的主要执业机构">
              <InstitutionPicker place={place} onChange={() => form.setFieldValue('department', undefined)} />
            </Form.Item>
            <div className="application-grid">
              <Form.Item name="department" label="科室" extra={departmentHint}>
                <DepartmentSelect institutionId={institutionId} />
              </Form.Item>
              <Form.Item name="startDate" label="拟在该机构执业时间">
                <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
              </Form.Item>
            </div>
            <DeclarationsItems />
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1)} />}
      </div>
    </>
  );
}
