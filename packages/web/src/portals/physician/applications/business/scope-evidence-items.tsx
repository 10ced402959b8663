/**
 * Evidence per new 执业范围 (domain §2.2 BT-03; scope-change-evidence.ts): for each scope added, the kind of document
 * (SCOPE_EVIDENCE_LABELS), its issuer and date, the training length, and the uploaded file (POST …/attachments →
 * fileSha256). Kept in the antd form under ['evidenceBy', scopeCode, …]; `evidenceOf` turns it into form.evidence[].
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Upload } from 'antd';
import { MIN_SCOPE_TRAINING_MONTHS, SCOPE_EVIDENCE_KINDS, SCOPE_EVIDENCE_LABELS, UPLOAD_LIMITS, formatMegabytes } from '@medreg/domain';
import { useApiErrorHandler } from '../../../../api/use-api-error';
import { ProblemAlert } from '../../../../components/problem-alert';
import { dayjs } from '../../../../lib/dayjs';
import { useScopeCatalogue } from '../applications-api';
import { useUploadEvidence, type Attachment } from '../business-api';
import { isoDate, text } from './business-form-step';
import type { FieldPath } from './use-business-form';

interface EvidenceValue { kind?: string; issuer?: string; issuedOn?: unknown; trainingMonths?: number; fileSha256?: string; filename?: string }

export function FileField({ applicationId, value, onChange, id, filename, onUploaded }: {
  applicationId: string; value?: string; onChange?: (sha: string) => void; id?: string; filename?: string; onUploaded: (a: Attachment) => void;
}) {
  const upload = useUploadEvidence(applicationId);
  const showError = useApiErrorHandler();
  return (
    <div id={id}>
      <Upload accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" showUploadList={false} maxCount={1}
        customRequest={({ file }) => upload.mutate(file as File, {
          onSuccess: (a) => { onUploaded(a); onChange?.(a.fileSha256); },
          onError: (e) => showError(e),
        })}>
        <Button icon={<UploadOutlined />} loading={upload.isPending}>{value ? '重新上传' : '上传证明文件'}</Button>
      </Upload>
      {value && <span className="business-file-name">已上传：{filename ?? '证明文件'}</span>}
      <ProblemAlert error={upload.error} style={{ marginTop: 8 }} />
    </div>
  );
}

export function ScopeEvidenceItems({ applicationId, added, category }: { applicationId: string; added: string[]; category: string }) {
  const catalogue = useScopeCatalogue();
  const form = Form.useFormInstance();
  const name = (code: string) => catalogue.data?.categories.find((c) => c.category === category)?.scopes.find((s) => s.code === code)?.label ?? code;
  if (added.length === 0) return null;
  return (
    <>
      {added.map((code) => (
        <fieldset key={code} className="business-fieldset" data-scope={code}>
          <legend>「{name(code)}」的证明材料</legend>
          <Form.Item name={['evidenceBy', code, 'kind']} label="证明类型">
            <Select placeholder="请选择" options={SCOPE_EVIDENCE_KINDS.map((k) => ({ value: k, label: SCOPE_EVIDENCE_LABELS[k] }))} />
          </Form.Item>
          <div className="application-grid">
            <Form.Item name={['evidenceBy', code, 'issuer']} label="发证单位">
              <Input maxLength={100} placeholder="如：北京大学第一医院" />
            </Form.Item>
            <Form.Item name={['evidenceBy', code, 'issuedOn']} label="发证日期">
              <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </div>
          <Form.Item noStyle dependencies={[['evidenceBy', code, 'kind']]}>
            {({ getFieldValue }) => (getFieldValue(['evidenceBy', code, 'kind']) === 'degree' ? null : (
              <Form.Item name={['evidenceBy', code, 'trainingMonths']} label="培训时长（月）" extra={`系统培训须满${MIN_SCOPE_TRAINING_MONTHS}个月（二年）以上；全科转岗培训按证书填写`}>
                <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} />
              </Form.Item>
            ))}
          </Form.Item>
          <Form.Item name={['evidenceBy', code, 'fileSha256']} label="证明文件" extra={`JPG、PNG 或 PDF，不超过 ${formatMegabytes(UPLOAD_LIMITS.attachmentBytes)}`}>
            <FileField applicationId={applicationId} filename={form.getFieldValue(['evidenceBy', code, 'filename']) as string | undefined}
              onUploaded={(a) => form.setFieldValue(['evidenceBy', code, 'filename'], a.filename)} />
          </Form.Item>
        </fieldset>
      ))}
    </>
  );
}

/** The antd values as form.evidence[], in the order of `added`. */
export function evidenceOf(raw: unknown, added: string[]): Record<string, unknown>[] {
  const by = (raw ?? {}) as Record<string, EvidenceValue | undefined>;
  return added.map((scope) => {
    const e = by[scope] ?? {};
    return {
      scope, kind: e.kind, issuer: text(e.issuer), issuedOn: isoDate(e.issuedOn), fileSha256: e.fileSha256 ?? '',
      ...(e.kind !== 'degree' && typeof e.trainingMonths === 'number' ? { trainingMonths: e.trainingMonths } : {}),
    };
  });
}

/** form.evidence[] of a saved form back into the antd values (the file name from the application's attachments). */
export function evidenceByScope(evidence: unknown, attachments: Attachment[]): Record<string, EvidenceValue> {
  const list = Array.isArray(evidence) ? (evidence as Record<string, unknown>[]) : [];
  return Object.fromEntries(list.map((e) => [String(e.scope), {
    kind: e.kind as string | undefined, issuer: e.issuer as string | undefined,
    issuedOn: typeof e.issuedOn === 'string' ? dayjs(e.issuedOn) : undefined,
    trainingMonths: e.trainingMonths as number | undefined, fileSha256: e.fileSha256 as string | undefined,
    filename: attachments.find((a) => a.fileSha256 === e.fileSha256)?.filename,
  }]));
}

/** A server path into form.evidence[i] → the antd field of that scope. */
export function evidenceField(path: FieldPath, added: string[]): FieldPath {
  if (path[0] === 'evidence' && typeof path[1] === 'number' && added[path[1]] !== undefined) return ['evidenceBy', added[path[1]]!, ...path.slice(2)];
  return path;
}
