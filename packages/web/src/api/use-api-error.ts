import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { applyProblemToForm, errorDetail, isApiError } from './client';

/**
 * The default way to report a failed request: field errors go next to their fields (when a form is
 * given), everything else is shown as the problem's Chinese `detail` in `message.error`.
 *
 *   const showError = useApiErrorHandler();
 *   mutation.mutate(values, { onError: (e) => showError(e, form) });
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!isApiError(error)) console.error(error);
      if (form && isApiError(error) && error.errors.length > 0) {
        const unmatched = applyProblemToForm(form, error);
        if (unmatched.length === 0) {
          void message.error(error.errors.length === 1 ? error.errors[0]!.message : '提交未成功，请按提示修改标红的填写项。');
          return;
        }
      }
      void message.error(errorDetail(error));
    },
    [message],
  );
}
