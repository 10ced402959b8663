/**
 * The 填写申请 step of every business: an antd form whose values become the business's form (`toForm`), saved whole
 * with 【确认，下一步】; errors the fields cannot show are listed above the buttons.
 */
import { Alert, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { ProblemAlert } from '../../../../components/problem-alert';
import { StepButtons } from '../wizard/step-form';
import type { BusinessApplication } from '../business-api';
import { useBusinessFormSave, type PathToField } from './use-business-form';

export interface BusinessFormStepProps {
  app: BusinessApplication;
  form: FormInstance;
  schema: z.ZodType;
  initialValues: Record<string, unknown>;
  toForm: (raw: Record<string, unknown>) => Record<string, unknown>;
  toField?: PathToField;
  onNext: () => void;
  onPrev?: () => void;
  children: ReactNode;
}

export function BusinessFormStep({ app, form, schema, initialValues, toForm, toField, onNext, onPrev, children }: BusinessFormStepProps) {
  const { run, saving, unmatched, failure } = useBusinessFormSave(app, form, schema, toField);
  const onFinish = async () => {
    // All values, also of fields hidden by a choice made meanwhile: toForm picks what the business needs.
    if (await run(toForm(form.getFieldsValue(true) as Record<string, unknown>))) onNext();
  };
  // A field the physician changes loses the error of the last attempt.
  const onValuesChange = (changed: Record<string, unknown>) => form.setFields(leafPaths(changed).map((name) => ({ name, errors: [] })));
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} onValuesChange={onValuesChange}
      className="application-step-form business-form" scrollToFirstError
      // Enter in a field (a typed date, a search box) confirms that field; only 【确认，下一步】 saves and goes on.
      onKeyDown={(e) => { if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault(); }}>
      {children}
      {unmatched.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title="请按以下提示修改后再继续"
          description={<ul className="application-missing">{unmatched.map((u) => <li key={`${u.path.join('.')}:${u.message}`}>{u.message}</li>)}</ul>} />
      )}
      <ProblemAlert error={failure} style={{ marginTop: 8 }} />
      <StepButtons onPrev={onPrev} nextLabel="确认，下一步" loading={saving} />
    </Form>
  );
}

/** The field names in antd's changed-values object ({ evidenceBy: { 12: { fileSha256 } } } → ['evidenceBy', '12', 'fileSha256']). */
function leafPaths(value: Record<string, unknown>, prefix: (string | number)[] = []): (string | number)[][] {
  return Object.entries(value).flatMap(([key, v]) => (v && typeof v === 'object' && !Array.isArray(v) && !('$d' in v)
    ? leafPaths(v as Record<string, unknown>, [...prefix, key])
    : [[...prefix, key]]));
}

/** A date picker value (dayjs) as the form's ISO date. */
export function isoDate(v: unknown): string | undefined {
  return v && typeof (v as { format?: unknown }).format === 'function' ? (v as { format: (f: string) => string }).format('YYYY-MM-DD') : undefined;
}

/** A trimmed text ('' when empty, so the form's own message — 请填写… — names what is missing). */
export function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}
