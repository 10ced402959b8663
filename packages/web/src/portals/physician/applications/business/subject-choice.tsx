/** Which registration (or filing) a business is started on, when the physician has several it can start from. */
import { Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../../components/problem-alert';
import { formatDate } from '../../../../lib/format';
import type { BusinessOption, BusinessOptions, BusinessSubjectOption } from '../business-api';

export type Subject = Pick<BusinessSubjectOption, 'registrationId' | 'filingId'>;

/** 北京市 · 北京市海淀医院 · 执业医师 临床类别（有效）, or 备案：… for a filing. */
export function subjectLabel(s: Subject, options: BusinessOptions): string {
  if (s.filingId) {
    const f = options.filings.find((x) => x.id === s.filingId);
    return f ? `备案：${f.institution.name}（${f.statusLabel}，${formatDate(f.validFrom)} 至 ${formatDate(f.validTo)}）` : '备案';
  }
  const r = options.registrations.find((x) => x.id === s.registrationId);
  return r ? `${r.practiceLocation.name} · ${r.mainInstitution.name} · ${r.levelLabel} ${r.categoryLabel}（${r.statusLabel}）` : '执业注册';
}

export function SubjectChoice({ business, options, pending, error, onCancel, onChoose }: {
  business: BusinessOption; options: BusinessOptions; pending: boolean; error: unknown; onCancel: () => void; onChoose: (s: Subject) => void;
}) {
  const eligible = business.subjects.filter((s) => s.eligible);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  return (
    <Modal open title={`办理${business.label}`} okText="确定，开始填写" cancelText="取消" confirmLoading={pending}
      okButtonProps={{ disabled: chosen === undefined }} onCancel={onCancel} onOk={() => chosen !== undefined && onChoose(eligible[chosen]!)}>
      <Typography.Paragraph id="subject-choice-label">请选择依据哪一项执业注册或备案办理：</Typography.Paragraph>
      <Radio.Group aria-labelledby="subject-choice-label" className="business-radio-column business-choice" value={chosen} onChange={(e) => setChosen(e.target.value as number)}
        options={eligible.map((s, i) => ({ value: i, label: subjectLabel(s, options) }))} />
      <ProblemAlert error={error} showFieldErrors style={{ marginTop: 12 }} />
    </Modal>
  );
}
