/**
 * BT-05 多机构备案: 新增 a filing at a further institution inside the 执业地点 (执业医师: the province of the
 * registration; assistant: the county), with 执业范围 from the registered ones and 有效期; or 修改 / 终止 a filing
 * (started from that filing). Confirmed by the filed institution, filed with its authority; no statutory clock.
 */
import { Alert, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { FILING_ACTION_LABELS, MultiSiteFilingForm, type FilingAction } from '@medreg/domain';
import { useState } from 'react';
import { dayjs } from '../../../../lib/dayjs';
import { InstitutionPicker } from '../wizard/institution-picker';
import { ScopeCheckboxes } from '../wizard/scope-checkboxes';
import { StepButtons } from '../wizard/step-form';
import { BusinessFormStep, isoDate, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentFiling, CurrentRegistration } from './current-registration';
import type { BusinessFormProps } from './types';

const TITLES = ['备案事项', '填写申请', '核对提交'];

function PeriodItems() {
  return (
    <div className="application-grid">
      <Form.Item name="validFrom" label="有效期开始">
        <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
      </Form.Item>
      <Form.Item name="validTo" label="有效期结束">
        <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </div>
  );
}

export function MultiSiteFilingBusinessForm({ app, options, step, goTo, params }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form;
  const filing = options.filings.find((f) => f.id === app.business!.subjectFilingId);
  const registration = options.registrations.find((r) => r.id === (filing?.registrationId ?? app.business!.subjectRegistrationId));
  const fromParams = params.get('action');
  const action: FilingAction | undefined = !filing ? 'add'
    : fromParams === 'modify' || fromParams === 'end' ? fromParams : saved.action === 'modify' || saved.action === 'end' ? saved.action : undefined;
  const [chosen, setChosen] = useState<FilingAction | undefined>(action);
  if (!registration) return <Alert type="error" showIcon title="未找到申请所依据的执业注册或备案" />;
  const same = saved.action === action;
  const locationRule = registration.level === 'physician'
    ? `执业医师只能在有效注册所在的省级行政区（${registration.practiceLocation.name}）内备案`
    : `执业助理医师只能在执业地点（${registration.practiceLocation.name}）内备案`;

  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={(n) => goTo(n, action ? { action } : {})} />
      <div className="application-step-body">
        {step === 0 && (
          <>
            <CurrentRegistration r={registration} title="执业注册" />
            {filing && <CurrentFiling f={filing} />}
            {!filing ? (
              <Alert type="info" showIcon className="business-guidance" title="新增备案"
                description={`在主要执业机构以外的医疗机构执业，须经该机构确认后向其审批机关备案（不是执业许可，无法定审批时限）。${locationRule}，执业范围须在注册的执业范围内。`} />
            ) : (
              <fieldset className="business-fieldset">
                <legend>请选择对该备案的操作</legend>
                <Radio.Group className="business-radio-column" value={chosen} onChange={(e) => setChosen(e.target.value as FilingAction)}
                  options={(['modify', 'end'] as const).map((a) => ({ value: a, label: a === 'modify' ? `${FILING_ACTION_LABELS[a]}（执业范围或有效期）` : `${FILING_ACTION_LABELS[a]}（不再在该机构执业）` }))} />
              </fieldset>
            )}
            <StepButtons nextLabel="确认，下一步" onNext={() => { if (!filing) goTo(1, { action: 'add' }); else if (chosen) goTo(1, { action: chosen }); }} />
          </>
        )}
        {step === 1 && !action && <Alert type="warning" showIcon title="请先选择备案操作" />}
        {step === 1 && action && (
          <BusinessFormStep key={action} app={app} form={form} schema={MultiSiteFilingForm} onPrev={() => goTo(0, { action })} onNext={() => goTo(2, { action })}
            initialValues={{
              institutionId: same ? saved.institutionId : undefined,
              scopes: same ? saved.scopes : filing?.scopes.map((s) => s.code) ?? registration.scopes.map((s) => s.code),
              validFrom: same && typeof saved.validFrom === 'string' ? dayjs(saved.validFrom) : filing ? dayjs(filing.validFrom) : dayjs(),
              validTo: same && typeof saved.validTo === 'string' ? dayjs(saved.validTo) : filing ? dayjs(filing.validTo) : undefined,
              reason: same ? saved.reason : undefined,
            }}
            toForm={(raw) => {
              if (action === 'end') return { action, filingId: filing!.id, reason: text(raw.reason) };
              const period = { scopes: (raw.scopes as string[] | undefined) ?? [], validFrom: isoDate(raw.validFrom), validTo: isoDate(raw.validTo) };
              return action === 'add'
                ? { action, registrationId: registration.id, institutionId: raw.institutionId, ...period }
                : { action, filingId: filing!.id, ...period };
            }}
          >
            <Typography.Title level={5}>{FILING_ACTION_LABELS[action]}{filing ? `：${filing.institution.name}` : ''}</Typography.Title>
            {action === 'add' && (
              <Form.Item name="institutionId" label={`拟备案机构（${registration.practiceLocation.name}内）`} extra={locationRule}>
                <InstitutionPicker place={registration.practiceLocation.code}
                  excluded={{
                    [registration.mainInstitution.id]: '主要执业机构',
                    ...Object.fromEntries(options.filings.filter((f) => f.status === 'active' || f.status === 'pending').map((f) => [f.institution.id, '已备案'])),
                  }} />
              </Form.Item>
            )}
            {action !== 'end' && (
              <>
                <Form.Item name="scopes" label="备案执业范围" extra="须在注册的执业范围内（《医师法》第十四条）">
                  <ScopeCheckboxes category={registration.category} only={registration.scopes.map((s) => s.code)} />
                </Form.Item>
                <PeriodItems />
              </>
            )}
            {action === 'end' && (
              <Form.Item name="reason" label="终止原因">
                <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：合作协议到期，不再在该机构执业" />
              </Form.Item>
            )}
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1, action ? { action } : {})} />}
      </div>
    </>
  );
}
