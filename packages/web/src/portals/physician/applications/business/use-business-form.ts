/**
 * Saving a business form (PUT /api/v1/applications/:id/form): checked first with the business's zod form from
 * @medreg/domain in the browser, then by the server with the business's rules. Every issue goes on its field;
 * those no field shows (e.g. 「请为「外科专业」上传证明材料」 on `evidence`) are returned to be listed by the form.
 */
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { isApiError } from '../../../../api/client';
import { applicationKey } from '../applications-api';
import { useSaveBusinessForm, type BusinessApplication } from '../business-api';

export type FieldPath = (string | number)[];
export interface FormIssue { path: FieldPath; message: string }

/** Maps a path of the business form to the antd field that shows it (identity by default). */
export type PathToField = (path: FieldPath) => FieldPath;

function place(form: FormInstance, issues: FormIssue[], toField: PathToField): FormIssue[] {
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unmatched: FormIssue[] = [];
  for (const issue of issues) {
    const path = toField(issue.path[0] === 'form' ? issue.path.slice(1) : issue.path);
    const name = [path, path.slice(0, 1)].find((p) => p.length > 0 && registered.has(JSON.stringify(p)));
    if (!name) {
      if (!unmatched.some((u) => u.message === issue.message)) unmatched.push(issue);
      continue;
    }
    const entry = byField.get(JSON.stringify(name)) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(JSON.stringify(name), entry);
  }
  // Errors of an earlier attempt go: only this attempt's are shown.
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && !byField.has(JSON.stringify(f.name))).map((f) => ({ name: f.name, errors: [] }));
  form.setFields([...stale, ...byField.values()]);
  return unmatched;
}

export function useBusinessFormSave(app: BusinessApplication, form: FormInstance, schema: z.ZodType, toField: PathToField = (p) => p) {
  const save = useSaveBusinessForm(app.id);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [unmatched, setUnmatched] = useState<FormIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (values: Record<string, unknown>): Promise<boolean> => {
    setFailure(null);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      // A field left empty: zod's type message ("期望 string") says nothing to a person.
      const issues = parsed.error.issues.map((i) => ({ path: i.path as FieldPath, message: i.code === 'invalid_type' ? '请填写或选择此项' : i.message }));
      setUnmatched(place(form, issues, toField));
      return false;
    }
    try {
      await save.mutateAsync({ expectedVersion: app.version, form: values });
      setUnmatched([]);
      return true;
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        void message.warning('申请已在其他页面修改，已为您加载最新内容，请核对后重试');
        void client.invalidateQueries({ queryKey: applicationKey(app.id) });
        return false;
      }
      if (isApiError(error) && error.errors.length > 0) setUnmatched(place(form, error.errors, toField));
      else setFailure(error);
      return false;
    }
  };
  return { run, saving: save.isPending, unmatched, failure };
}
