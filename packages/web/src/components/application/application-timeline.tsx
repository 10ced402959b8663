import { Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../../api/application-view';
import { formatDateTime } from '../../lib/format';
import { DetailSection } from './detail-section';
import './application-data.css';

/** Red for refusals, returns and corrections, green for approvals, blue otherwise. */
export function timelineColor(action: string): string {
  return /refuse|return|correction/.test(action) ? 'red' : /approve/.test(action) ? 'green' : 'blue';
}

interface Props {
  timeline: TimelineEntry[];
  /** The dot colour of an action (default `timelineColor`). */
  colorOf?: (action: string) => string;
  /** An extra class on each reason, for a portal that already names it (its browser tests look for it). */
  reasonClassName?: string;
}

/** 办理记录: every step of the application, oldest first — what, the state it led to, when, who, and why. */
export function ApplicationTimeline({ timeline, colorOf = timelineColor, reasonClassName }: Props) {
  return (
    <DetailSection title="办理记录">
      {timeline.length > 0 ? (
        <Timeline
          items={timeline.map((e) => ({
            key: e.id,
            color: colorOf(e.action),
            content: (
              <div>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                {e.stateLabel && <Typography.Text type="secondary"> → {e.stateLabel}</Typography.Text>}
                <div className="app-data-timeline-meta">{formatDateTime(e.at)} · {e.actor.organization ?? e.actor.roleLabel}</div>
                {e.reason && <div className={reasonClassName ? `app-data-timeline-reason ${reasonClassName}` : 'app-data-timeline-reason'}>{e.reason}</div>}
              </div>
            ),
          }))}
        />
      ) : <Typography.Text type="secondary">暂无记录</Typography.Text>}
    </DetailSection>
  );
}
