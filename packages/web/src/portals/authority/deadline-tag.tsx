import { Tag, Tooltip } from 'antd';
import { EMPTY } from '../../lib/format';
import { noStatutoryClockLabel } from './statutory-clock';

export interface DeadlineTagProps {
  dueDate: string | null;
  /** 暂定 (《行政许可法》第八十二条): counted as Mon–Fri in a year whose holidays are not entered yet. */
  dueDateProvisional?: boolean;
  dueDateNote?: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  /** A type without a statutory clock (多机构备案, 补发/换领) says so instead of counting down. */
  businessType?: string;
}

/**
 * 剩余工作日 of the statutory decision period (《医师法》第十三条: 20 working days from 受理):
 * red once the due date has passed, orange in the last five working days. No due date: nothing to count
 * (not yet accepted), or no statutory clock at all (备案，无法定时限).
 */
export function DeadlineTag({ dueDate, dueDateProvisional, dueDateNote, workingDaysLeft, overdue, businessType }: DeadlineTagProps) {
  const noClock = noStatutoryClockLabel(businessType);
  if (noClock) return <Tag className="deadline-tag deadline-tag--none" data-no-clock="true">{noClock}</Tag>;
  if (!dueDate || workingDaysLeft === null) return <span>{EMPTY}</span>;
  const tip = `法定办结日期：${dueDate}${dueDateProvisional ? `（暂定：${dueDateNote ?? '节假日安排尚未录入'}）` : ''}`;
  if (overdue) {
    const late = -workingDaysLeft;
    return (
      <Tooltip title={tip}>
        <Tag color="red" className="deadline-tag deadline-tag--overdue" data-overdue="true">
          {late > 0 ? `已逾期 ${late} 个工作日` : '已逾期'}
        </Tag>
      </Tooltip>
    );
  }
  if (workingDaysLeft === 0) {
    return <Tooltip title={tip}><Tag color="orange" className="deadline-tag">今日到期</Tag></Tooltip>;
  }
  return (
    <Tooltip title={tip}>
      <Tag color={workingDaysLeft <= 5 ? 'orange' : 'blue'} className="deadline-tag">剩余 {workingDaysLeft} 个工作日</Tag>
    </Tooltip>
  );
}
