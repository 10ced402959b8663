/**
 * 工作日历提醒 for the administrators who keep the calendar (national or provincial, policy.ts): shown on every page
 * of the authority portal while a year that due dates reach has no holiday arrangement entered
 * (《行政许可法》第八十二条 — such due dates are 暂定, counted as Monday–Friday weeks).
 */
import { Alert } from 'antd';
import { ButtonLink } from '../../components/button-link';
import { useCalendarStatus } from './authority-api';

export function CalendarWarningBanner({ onCalendarPage = false }: { onCalendarPage?: boolean }) {
  const { data } = useCalendarStatus();
  if (!data || !data.canAdminister || data.unknownYears.length === 0) return null;
  const years = data.unknownYears.map((y) => `${y}年`).join('、');
  return (
    <Alert
      className="calendar-warning"
      data-testid="calendar-warning"
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${years}节假日安排尚未录入，截止日期暂按周一至周五计算`}
      description={(
        <>
          {`目前有 ${data.provisionalDueDates} 件已受理业务的法定办结日期为暂定；今日受理的业务将于 ${data.upcoming.dueDate} 到期`
            + `${data.upcoming.provisional ? '（暂定）' : ''}。请根据国务院办公厅关于${years}部分节假日安排的通知录入，录入后全国适用，`
            + '已存储的法定办结日期将自动重新计算。'}
          {/* In the text rather than as the Alert's action, so that the text keeps the width on a phone. */}
          {!onCalendarPage && <div style={{ marginTop: 8 }}><ButtonLink size="small" to="/authority/calendar">录入节假日安排</ButtonLink></div>}
        </>
      )}
    />
  );
}
