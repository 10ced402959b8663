/**
 * BT-04 助理升执业, the seed's steps: the page goes to the physician's current assistant registration →
 * 【确认，下一步】 → fill in (same institution, or a new one as in 首次注册 with 拟在该机构执业时间 — START_DATE_HINT:
 * an assistant may enter the date of the assistant registration) → 核对提交 (审核表 old → new) → 【提交】.
 */
import { Alert, Button, DatePicker, Descriptions, Form, Radio, Select, Typography } from 'antd';
import { AssistantUpgradeForm, START_DATE_HINT, UPGRADE_MODES, UPGRADE_MODE_LABELS, practiceLocationRule } from '@medreg/domain';
import { dayjs } from '../../../../lib/dayjs';
import { formatDate } from '../../../../lib/format';
import { DepartmentSelect, useDepartmentHint } from '../wizard/department-select';
import { InstitutionPicker } from '../wizard/institution-picker';
import { ProvinceSelect } from '../wizard/province-select';
import { ScopeCheckboxes, useScopeLimit } from '../wizard/scope-checkboxes';
import { StepButtons } from '../wizard/step-form';
import { BusinessFormStep, isoDate, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentRegistration, useDescriptionsLayout } from './current-registration';
import { DeclarationsItems, declarationsOf } from './declarations-items';
import type { BusinessFormProps } from './types';

const TITLES = ['当前注册', '填写申请', '核对提交'];

export function AssistantUpgradeBusinessForm({ app, options, step, goTo }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form;
  const registration = options.registrations.find((r) => r.id === app.business!.subjectRegistrationId);
  const qualifications = options.qualifications.filter((q) => q.level === 'physician' && q.category === registration?.category && q.status === 'valid');
  const mode = (Form.useWatch('mode', form) as string | undefined) ?? (saved.mode as string | undefined);
  const place = Form.useWatch('practiceLocationCode', form) as string | undefined;
  const institutionId = Form.useWatch('institutionId', form) as string | undefined;
  const departmentHint = useDepartmentHint(institutionId);
  const limit = useScopeLimit(registration?.category, false);
  const layout = useDescriptionsLayout();
  if (!registration) return <Alert type="error" showIcon title="未找到申请所依据的执业助理医师注册" />;

  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={goTo} />
      <div className="application-step-body">
        {step === 0 && (
          <>
            <Typography.Paragraph>
              以下是您当前的执业助理医师注册。取得同类别执业医师资格后，可申请注册为执业医师：准予后执业地点扩大为省级行政区，
              发给新的执业证书（执业证书编码第一位为1），原执业助理医师注册同时注销并换发。
            </Typography.Paragraph>
            <CurrentRegistration r={registration} title="当前执业助理医师注册" />
            <Descriptions size="small" bordered layout={layout} column={{ xs: 1, md: 2 }} title="执业医师资格" className="business-current"
              items={qualifications.map((q) => ({ key: q.id, label: q.levelLabel, children: `${q.categoryLabel}，取得资格时间 ${formatDate(q.obtainedOn)}` }))} />
            <StepButtons nextLabel="确认，下一步" onNext={() => goTo(1)} />
          </>
        )}
        {step === 1 && (
          <BusinessFormStep app={app} form={form} schema={AssistantUpgradeForm} onPrev={() => goTo(0)} onNext={() => goTo(2)}
            initialValues={{
              mode: saved.mode ?? 'same_institution',
              qualificationId: saved.qualificationId ?? (qualifications.length === 1 ? qualifications[0]!.id : undefined),
              scopes: saved.scopes ?? registration.scopes.map((s) => s.code),
              practiceLocationCode: saved.practiceLocationCode,
              institutionId: saved.institutionId,
              department: saved.department,
              startDate: typeof saved.startDate === 'string' ? dayjs(saved.startDate) : undefined,
              declarations: saved.declarations ?? {},
            }}
            toForm={(raw) => ({
              mode: raw.mode, registrationId: registration.id, qualificationId: raw.qualificationId,
              scopes: (raw.scopes as string[] | undefined) ?? [], declarations: declarationsOf(raw.declarations),
              ...(raw.mode === 'new_institution' ? {
                practiceLocationCode: raw.practiceLocationCode, institutionId: raw.institutionId, department: text(raw.department), startDate: isoDate(raw.startDate),
              } : {}),
            })}
          >
            <Form.Item name="mode" label="注册方式">
              <Radio.Group className="business-radio-column" options={UPGRADE_MODES.map((m) => ({ value: m, label: UPGRADE_MODE_LABELS[m] }))} />
            </Form.Item>
            <Form.Item name="qualificationId" label="执业医师资格" extra={`须为与执业助理医师注册相同类别（${registration.categoryLabel}）的有效执业医师资格`}>
              <Select style={{ maxWidth: 360 }} placeholder="请选择" options={qualifications.map((q) => ({ value: q.id, label: `${q.levelLabel} ${q.categoryLabel}（${formatDate(q.obtainedOn)}）` }))} />
            </Form.Item>
            {mode === 'new_institution' && (
              <fieldset className="business-fieldset">
                <legend>新的主要执业机构</legend>
                <Form.Item name="practiceLocationCode" label="执业地点（省份）" extra={practiceLocationRule('physician')}>
                  <ProvinceSelect onChange={() => form.setFieldsValue({ institutionId: undefined, department: undefined })} />
                </Form.Item>
                <Form.Item name="institutionId" label="主要执业机构">
                  <InstitutionPicker place={place} onChange={() => form.setFieldValue('department', undefined)} excluded={{ [registration.mainInstitution.id]: '原主要执业机构' }} />
                </Form.Item>
                <Form.Item name="department" label="科室" extra={departmentHint}>
                  <DepartmentSelect institutionId={institutionId} />
                </Form.Item>
                <Form.Item label="拟在该机构执业时间" required extra={`提示：${START_DATE_HINT}。您的执业助理医师注册时间为 ${formatDate(registration.approvedOn)}。`}>
                  <div className="business-inline">
                    <Form.Item name="startDate" noStyle>
                      <DatePicker style={{ width: 200 }} placeholder="请选择日期" aria-label="拟在该机构执业时间" />
                    </Form.Item>
                    <Button onClick={() => form.setFieldValue('startDate', dayjs(registration.approvedOn))}>填入助理注册时间</Button>
                  </div>
                </Form.Item>
              </fieldset>
            )}
            <Form.Item name="scopes" label="执业范围" extra={`执业类别：${registration.categoryLabel}。本次最多可选择${limit.max}个执业范围。`}>
              <ScopeCheckboxes category={registration.category} />
            </Form.Item>
            <DeclarationsItems />
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1)} />}
      </div>
    </>
  );
}
