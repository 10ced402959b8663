/**
 * What every step of the 首次注册 wizard shares: the form is checked with the domain's zod schema
 * (FirstRegistrationDraft) in the browser, then saved (PATCH, version-checked) — the server checks it again
 * and its refusals are shown next to the fields (`applyProblemToForm`).
 */
import { App, Button, Flex, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FirstRegistrationDraft } from '@medreg/domain';
import { isApiError } from '../../../../api/client';
import { useApiErrorHandler } from '../../../../api/use-api-error';
import { applicationKey, useSaveDraft, type ApplicationDetail, type DraftPayload } from '../applications-api';

export interface StepProps {
  app: ApplicationDetail;
  /** Go to the next step (after a successful save). */
  onNext: () => void;
  onPrev?: () => void;
}

/** Puts zod issues of the domain schema next to the fields. Returns false when there were any. */
export function checkWithSchema(form: FormInstance, values: DraftPayload): boolean {
  const parsed = FirstRegistrationDraft.safeParse(values);
  if (parsed.success) return true;
  form.setFields(parsed.error.issues.map((i) => ({ name: i.path.slice(0, 2) as (string | number)[], errors: [i.message] })));
  return false;
}

/** Saves a step's values; returns whether it worked (errors are shown on the form). */
export function useStepSave(app: ApplicationDetail, form: FormInstance) {
  const save = useSaveDraft(app.id);
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  const client = useQueryClient();
  const run = async (values: DraftPayload): Promise<boolean> => {
    if (!checkWithSchema(form, values)) return false;
    try {
      await save.mutateAsync({ ...values, expectedVersion: app.version });
      return true;
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        void message.warning('申请已在其他页面修改，已为您加载最新内容，请核对后重试');
        void client.invalidateQueries({ queryKey: applicationKey(app.id) });
        return false;
      }
      showError(error, form);
      return false;
    }
  };
  return { run, saving: save.isPending };
}

/** A step's form with 【上一步】 and 【确认，下一步】 (which saves the step first). */
export function StepForm({ form, app, onNext, onPrev, toValues, children, initialValues }: StepProps & {
  form: FormInstance;
  /** Turns the antd form values into the API's draft fields. */
  toValues: (raw: Record<string, unknown>) => DraftPayload;
  initialValues: Record<string, unknown>;
  children: ReactNode;
}) {
  const { run, saving } = useStepSave(app, form);
  const onFinish = async (raw: Record<string, unknown>) => {
    if (await run(toValues(raw))) onNext();
  };
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} className="application-step-form" scrollToFirstError>
      {children}
      <StepButtons onPrev={onPrev} nextLabel="确认，下一步" loading={saving} />
    </Form>
  );
}

export function StepButtons({ onPrev, nextLabel, loading, onNext }: { onPrev?: () => void; nextLabel: string; loading?: boolean; onNext?: () => void }) {
  return (
    <Flex gap={12} className="application-step-buttons">
      {onPrev && <Button onClick={onPrev}>上一步</Button>}
      <Button type="primary" htmlType={onNext ? 'button' : 'submit'} onClick={onNext} loading={loading}>{nextLabel}</Button>
    </Flex>
  );
}
