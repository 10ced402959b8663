/**
 * BT-09 补发/换领执业证书: a lost or damaged certificate, or one whose printed data changed. The main institution
 * confirms, the issuing authority decides; on approval the old certificate reads 已换发 and a new one is issued
 * with the same 执业证书编码.
 */
import { Alert, Form, Input, Radio, Typography } from 'antd';
import { CertificateReissueForm, REISSUE_REASONS, REISSUE_REASON_LABELS } from '@medreg/domain';
import { StepButtons } from '../wizard/step-form';
import { BusinessFormStep, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentRegistration } from './current-registration';
import type { BusinessFormProps } from './types';

const TITLES = ['当前证书', '填写申请', '核对提交'];

export function CertificateReissueBusinessForm({ app, options, step, goTo }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form;
  const registration = options.registrations.find((r) => r.id === app.business!.subjectRegistrationId);
  if (!registration) return <Alert type="error" showIcon title="未找到申请所依据的执业注册" />;
  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={goTo} />
      <div className="application-step-body">
        {step === 0 && (
          <>
            <Typography.Paragraph>
              准予后发给新的执业证书，执业证书编码不变；原证书的二维码查验将显示「已换发」。注册事项变更、助理升执业获准时系统会自动换发证书，无需另行申请。
            </Typography.Paragraph>
            <CurrentRegistration r={registration} title="执业注册（证书所载信息）" />
            <StepButtons nextLabel="确认，下一步" onNext={() => goTo(1)} />
          </>
        )}
        {step === 1 && (
          <BusinessFormStep app={app} form={form} schema={CertificateReissueForm} onPrev={() => goTo(0)} onNext={() => goTo(2)}
            initialValues={{ reason: saved.reason, note: saved.note }}
            toForm={(raw) => ({ registrationId: registration.id, reason: raw.reason, ...(text(raw.note) ? { note: text(raw.note) } : {}) })}
          >
            <Form.Item name="reason" label="申请原因">
              <Radio.Group className="business-radio-column" options={REISSUE_REASONS.map((r) => ({ value: r, label: REISSUE_REASON_LABELS[r] }))} />
            </Form.Item>
            <Form.Item name="note" label="说明（选填）">
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：证书于2026年3月遗失" />
            </Form.Item>
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1)} />}
      </div>
    </>
  );
}
