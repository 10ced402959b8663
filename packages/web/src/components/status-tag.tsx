import { Tag } from 'antd';

/** antd preset and status colors, or any CSS color. */
export type StatusColor =
  | 'default' | 'processing' | 'success' | 'warning' | 'error'
  | 'blue' | 'green' | 'orange' | 'red' | 'gold' | 'purple' | 'cyan' | 'geekblue' | 'volcano' | 'magenta' | 'lime'
  | (string & {});

export interface StatusTagProps {
  /** The status in Chinese, e.g. 待机构确认. */
  label: string;
  color?: StatusColor;
}

/** A status badge. Callers pass label and color (from the domain's status table), so no list of statuses lives here. */
export function StatusTag({ label, color = 'default' }: StatusTagProps) {
  return (
    <Tag color={color} className="status-tag" data-status={label}>
      {label}
    </Tag>
  );
}
