/**
 * The 审核表 rows of a change, old → new (payload.business.review). A table on a wide screen; on a phone each row
 * stacks its cells under their headings (business.css), so nothing is cut off or scrolled sideways.
 */
import { Tag, Typography } from 'antd';
import { TAG_COLORS } from '../applications-api';
import { EMPTY } from '../../../../lib/format';
import type { ReviewRowView } from '../business-api';

export function ReviewTable({ rows, caption = '申请事项（原 → 拟）' }: { rows: ReviewRowView[]; caption?: string }) {
  if (rows.length === 0) return <Typography.Text type="secondary">尚未填写申请事项</Typography.Text>;
  return (
    <table className="business-review-table">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">项目</th><th scope="col">原</th><th scope="col">拟</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} className={r.changed ? 'is-changed' : undefined} data-field={r.field}>
            <th scope="row">{r.label}{r.changed && <Tag color={TAG_COLORS.orange} className="business-changed-tag">变更</Tag>}</th>
            <td data-label="原">{r.old ?? EMPTY}</td>
            <td data-label="拟">{r.new ?? EMPTY}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
