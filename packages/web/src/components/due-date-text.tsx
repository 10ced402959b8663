/**
 * A due date (法定办结日期) with its 「暂定」 mark: 《行政许可法》第八十二条 counts working days without statutory holidays,
 * and while a year's holidays are not entered the period is counted there as Monday–Friday weeks — the date is
 * provisional until the year is entered and it is recounted. `compact` (tables): the reason in a tooltip and for
 * screen readers; otherwise the reason is written under the date.
 */
import { Tag, Tooltip, Typography } from 'antd';
import { PROVISIONAL_DUE_DATE_LABEL } from '@medreg/domain';
import { formatDate } from '../lib/format';
import './due-date-text.css';

export interface DueDateTextProps {
  dueDate: string | null;
  dueDateProvisional?: boolean;
  dueDateNote?: string | null;
  compact?: boolean;
  className?: string;
}

export function ProvisionalTag({ note }: { note: string }) {
  return (
    <Tooltip title={note}>
      <Tag color="gold" className="due-date-provisional" data-provisional="true" tabIndex={0}>
        {PROVISIONAL_DUE_DATE_LABEL}<span className="visually-hidden">：{note}</span>
      </Tag>
    </Tooltip>
  );
}

export function DueDateText({ dueDate, dueDateProvisional, dueDateNote, compact, className }: DueDateTextProps) {
  const note = dueDate && dueDateProvisional ? dueDateNote ?? '节假日安排尚未录入，截止日期暂按周一至周五计算' : null;
  if (!note) return <span className={className}>{formatDate(dueDate)}</span>;
  return (
    <span className="due-date">
      <span className={className}>{formatDate(dueDate)}</span> <ProvisionalTag note={note} />
      {!compact && <Typography.Text type="secondary" className="due-date-note">{note}</Typography.Text>}
    </span>
  );
}
