import { Alert } from 'antd';
import { errorDetail, isApiError } from '../api/client';

export interface ProblemAlertProps {
  /** Any thrown value; nothing is rendered for null/undefined. */
  error: unknown;
  /** Heading; defaults to the problem's title. */
  title?: string;
  /** List the field errors under the detail (useful when the form cannot show them itself). */
  showFieldErrors?: boolean;
  style?: React.CSSProperties;
}

/** Shows a failed request in Chinese: the problem's title and `detail`, never a stack trace. */
export function ProblemAlert({ error, title, showFieldErrors = false, style }: ProblemAlertProps) {
  if (error === null || error === undefined) return null;
  const api = isApiError(error) ? error : null;
  const fieldErrors = showFieldErrors && api ? api.errors : [];
  const detail = errorDetail(error);
  const heading = title ?? api?.title ?? '操作未成功';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={heading}
      description={
        heading === detail && fieldErrors.length === 0 ? undefined : (
          <>
            {heading !== detail && <div>{detail}</div>}
            {fieldErrors.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {fieldErrors.map((e, i) => (
                  <li key={`${e.path.join('.')}-${i}`}>{e.message}</li>
                ))}
              </ul>
            )}
          </>
        )
      }
      data-problem-code={api?.code}
    />
  );
}
