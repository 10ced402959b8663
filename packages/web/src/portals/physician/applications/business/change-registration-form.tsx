/**
 * BT-03 变更注册: choose what changes (执业地点 / 主要执业机构 / 执业类别 / 执业范围), seeing first the cases of
 * 《医师法》第十八条 that need no change (CHANGE_EXEMPTIONS, guidance only); the form starts from the current
 * registration; the physician states the reason; a new 执业范围 needs its evidence (scope-evidence-items.tsx).
 */
import { Alert, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import {
  CHANGE_EXEMPTIONS, CHANGE_KINDS, CHANGE_KIND_LABELS, ChangeRegistrationForm, SCOPE_CHANGE_OPERATIONS, SCOPE_CHANGE_OPERATION_LABELS,
  type ChangeKind,
} from '@medreg/domain';
import { useState } from 'react';
import { dayjs } from '../../../../lib/dayjs';
import { formatDate } from '../../../../lib/format';
import { useAttachments, type OptionRegistration } from '../business-api';
import { DepartmentSelect, useDepartmentHint } from '../wizard/department-select';
import { InstitutionPicker } from '../wizard/institution-picker';
import { ProvinceSelect } from '../wizard/province-select';
import { ScopeCheckboxes } from '../wizard/scope-checkboxes';
import { StepButtons } from '../wizard/step-form';
import { BusinessFormStep, isoDate, text } from './business-form-step';
import { BusinessReviewStep } from './business-review-step';
import { BusinessSteps } from './business-steps';
import { CurrentRegistration } from './current-registration';
import { ScopeEvidenceItems, evidenceByScope, evidenceField, evidenceOf } from './scope-evidence-items';
import type { BusinessFormProps } from './types';

const TITLES = ['变更事项', '填写申请', '核对提交'];
const isKind = (k: unknown): k is ChangeKind => typeof k === 'string' && (CHANGE_KINDS as readonly string[]).includes(k);

/** 《医师法》第十八条: shown before the choice; none of these is an application. */
export function ChangeExemptions() {
  return (
    <Alert type="info" showIcon className="business-guidance" title="以下情形无需办理变更注册"
      description={<ul className="application-rule-list">{CHANGE_EXEMPTIONS.map((t) => <li key={t}>{t}</li>)}</ul>} />
  );
}

function ChooseKind({ registration, kind, onNext }: { registration: OptionRegistration; kind: ChangeKind | undefined; onNext: (k: ChangeKind) => void }) {
  const [chosen, setChosen] = useState<ChangeKind | undefined>(kind);
  const [missing, setMissing] = useState(false);
  const allowed = registration.status === 'valid' ? CHANGE_KINDS : (['practice_location', 'main_institution'] as const);
  return (
    <>
      <CurrentRegistration r={registration} />
      <ChangeExemptions />
      <fieldset className="business-fieldset">
        <legend>请选择要变更的注册事项</legend>
        <Radio.Group className="business-radio-column" value={chosen} onChange={(e) => { setChosen(e.target.value as ChangeKind); setMissing(false); }}
          options={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k], disabled: !(allowed as readonly string[]).includes(k) }))} />
        {missing && <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 8 }}>请选择变更事项</Typography.Paragraph>}
      </fieldset>
      <StepButtons nextLabel="确认，下一步" onNext={() => (chosen ? onNext(chosen) : setMissing(true))} />
    </>
  );
}

export function ChangeRegistrationBusinessForm({ app, options, step, goTo, params }: BusinessFormProps) {
  const [form] = Form.useForm();
  const saved = app.business!.form;
  const kind = isKind(params.get('kind')) ? (params.get('kind') as ChangeKind) : isKind(saved.kind) ? saved.kind : undefined;
  const registration = options.registrations.find((r) => r.id === app.business!.subjectRegistrationId);
  const attachments = useAttachments(app.id);
  const place = Form.useWatch('practiceLocationCode', form) as string | undefined;
  const institutionId = Form.useWatch('institutionId', form) as string | undefined;
  const operation = (Form.useWatch('operation', form) as string | undefined) ?? (saved.operation as string | undefined) ?? 'add';
  const chosenScopes = Form.useWatch('scopes', form) as string[] | undefined;
  const qualificationId = Form.useWatch('qualificationId', form) as string | undefined;
  const departmentHint = useDepartmentHint(institutionId);
  if (!registration) return <Alert type="error" showIcon title="未找到申请所依据的执业注册" />;
  const current = registration.scopes.map((s) => s.code);
  const added = kind === 'scopes' ? (chosenScopes ?? (saved.scopes as string[] | undefined) ?? []).filter((s) => !current.includes(s)) : [];
  const otherQualifications = options.qualifications.filter((q) => q.level === registration.level && q.category !== registration.category && q.status === 'valid');
  const newCategory = options.qualifications.find((q) => q.id === qualificationId)?.category;
  const sameKind = saved.kind === kind;

  return (
    <>
      <BusinessSteps titles={TITLES} current={step} onChange={(n) => goTo(n, kind ? { kind } : {})} />
      <div className="application-step-body">
        {step === 0 && <ChooseKind registration={registration} kind={kind} onNext={(k) => goTo(1, { kind: k })} />}
        {step === 1 && !kind && <Alert type="warning" showIcon title="请先选择变更事项" />}
        {step === 1 && kind && (
          <BusinessFormStep key={kind} app={app} form={form} schema={ChangeRegistrationForm} onPrev={() => goTo(0, { kind })} onNext={() => goTo(2, { kind })}
            toField={(p) => evidenceField(p, added)}
            initialValues={{
              reason: sameKind ? saved.reason : undefined,
              practiceLocationCode: sameKind ? saved.practiceLocationCode : undefined,
              institutionId: sameKind ? saved.institutionId : undefined,
              department: sameKind ? saved.department : undefined,
              startDate: sameKind && typeof saved.startDate === 'string' ? dayjs(saved.startDate) : undefined,
              qualificationId: sameKind ? saved.qualificationId : otherQualifications.length === 1 ? otherQualifications[0]!.id : undefined,
              operation: sameKind ? saved.operation : 'add',
              scopes: sameKind ? saved.scopes : kind === 'scopes' ? [] : undefined,
              evidenceBy: sameKind ? evidenceByScope(saved.evidence, attachments.data?.items ?? []) : {},
            }}
            toForm={(raw) => {
              const base = { kind, registrationId: registration.id, reason: text(raw.reason) };
              switch (kind) {
                case 'practice_location':
                  return { ...base, practiceLocationCode: raw.practiceLocationCode, institutionId: raw.institutionId, department: text(raw.department), startDate: isoDate(raw.startDate) };
                case 'main_institution':
                  return { ...base, institutionId: raw.institutionId, department: text(raw.department), startDate: isoDate(raw.startDate) };
                case 'category':
                  return { ...base, qualificationId: raw.qualificationId, category: newCategory, scopes: (raw.scopes as string[] | undefined) ?? [] };
                case 'scopes': {
                  const scopes = (raw.scopes as string[] | undefined) ?? [];
                  return { ...base, operation: raw.operation, scopes, evidence: evidenceOf(raw.evidenceBy, scopes.filter((s) => !current.includes(s))) };
                }
              }
            }}
          >
            <Typography.Title level={5}>{CHANGE_KIND_LABELS[kind]}</Typography.Title>
            <Typography.Paragraph type="secondary">
              当前：{registration.practiceLocation.name} · {registration.mainInstitution.name} · {registration.categoryLabel} · {registration.scopes.map((s) => s.label).join('、')}
            </Typography.Paragraph>
            {(kind === 'practice_location' || kind === 'main_institution') && (
              <>
                {kind === 'practice_location' && (
                  <Form.Item name="practiceLocationCode" label="新执业地点（省份）" extra="执业医师的执业地点为省级行政区，执业助理医师为新机构所在的县级行政区">
                    <ProvinceSelect onChange={() => form.setFieldsValue({ institutionId: undefined, department: undefined })} />
                  </Form.Item>
                )}
                <Form.Item name="institutionId" label={kind === 'practice_location' ? '新执业地点的主要执业机构' : `新的主要执业机构（${registration.practiceLocation.name}内）`}>
                  <InstitutionPicker place={kind === 'practice_location' ? place : registration.practiceLocation.code}
                    onChange={() => form.setFieldValue('department', undefined)} excluded={{ [registration.mainInstitution.id]: '当前主要执业机构' }} />
                </Form.Item>
                <div className="application-grid">
                  <Form.Item name="department" label="科室" extra={departmentHint}>
                    <DepartmentSelect institutionId={institutionId} />
                  </Form.Item>
                  <Form.Item name="startDate" label="拟在该机构执业时间">
                    <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
                  </Form.Item>
                </div>
              </>
            )}
            {kind === 'category' && (
              <>
                <Form.Item name="qualificationId" label="新执业类别的医师资格" extra="执业类别须与医师资格类别一致（卫医发〔2001〕169号）">
                  <Select style={{ maxWidth: 420 }} placeholder={otherQualifications.length ? '请选择' : '您没有其他类别的有效医师资格'}
                    onChange={() => form.setFieldValue('scopes', [])}
                    options={otherQualifications.map((q) => ({ value: q.id, label: `${q.levelLabel} ${q.categoryLabel}（${formatDate(q.obtainedOn)}）` }))} />
                </Form.Item>
                <Form.Item name="scopes" label="新执业范围">
                  {newCategory ? <ScopeCheckboxes category={newCategory} /> : <Typography.Text type="secondary">请先选择医师资格</Typography.Text>}
                </Form.Item>
              </>
            )}
            {kind === 'scopes' && (
              <>
                <Form.Item name="operation" label="变更方式">
                  <Radio.Group className="business-radio-column" onChange={(e) => form.setFieldValue('scopes', e.target.value === 'replace' ? current : [])}
                    options={SCOPE_CHANGE_OPERATIONS.map((o) => ({ value: o, label: o === 'add' ? `${SCOPE_CHANGE_OPERATION_LABELS[o]}（保留现有执业范围）` : `${SCOPE_CHANGE_OPERATION_LABELS[o]}（以新的执业范围替换现有执业范围）` }))} />
                </Form.Item>
                <Form.Item name="scopes" label={operation === 'add' ? '增加的执业范围' : '变更后的执业范围'}
                  extra="新增的每个执业范围须提交同类别其他专业高一层次学历，或该专业二年以上系统培训合格证明；全科医学专业可提交全科医生转岗培训合格证书。">
                  <ScopeCheckboxes category={registration.category} fixed={operation === 'add' ? current : []} />
                </Form.Item>
                <ScopeEvidenceItems applicationId={app.id} added={added} category={registration.category} />
              </>
            )}
            <Form.Item name="reason" label="申请理由">
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="请说明申请变更的原因" />
            </Form.Item>
          </BusinessFormStep>
        )}
        {step === 2 && <BusinessReviewStep app={app} onPrev={() => goTo(1, kind ? { kind } : {})} />}
      </div>
    </>
  );
}
