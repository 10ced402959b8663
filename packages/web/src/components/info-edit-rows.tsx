/** The review table of a 个人信息修改 (BT-11): each changed field, 修改前 → 修改后; a photo shows both images. */
import { Grid, Table } from 'antd';
import type { InfoEditRowView } from '../api/info-edit-view';
import { EMPTY } from '../lib/format';
import './info-edit.css';

function Cell({ row, side }: { row: InfoEditRowView; side: 'old' | 'new' }) {
  const url = side === 'old' ? row.oldPhotoUrl : row.newPhotoUrl;
  if (row.field === 'photoSha256') {
    return url ? <img src={url} alt={`${side === 'old' ? '修改前' : '修改后'}的照片`} className="info-edit-photo" /> : <>{EMPTY}</>;
  }
  return <>{(side === 'old' ? row.old : row.new) ?? EMPTY}</>;
}

/** On a phone a three-column table leaves each value a few characters wide: one line per field instead. */
function RowList({ rows, caption }: { rows: InfoEditRowView[]; caption?: string }) {
  return (
    <dl className="info-edit-list">
      {caption && <div className="info-edit-list-caption">{caption}</div>}
      {rows.map((r) => (
        <div key={r.field} className="info-edit-list-row">
          <dt>{r.label}</dt>
          <dd>
            <span className="info-edit-old"><Cell row={r} side="old" /></span>
            <span aria-hidden="true">→</span>
            <strong><Cell row={r} side="new" /></strong>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function InfoEditRows({ rows, caption }: { rows: InfoEditRowView[]; caption?: string }) {
  const screens = Grid.useBreakpoint();
  if (screens.sm === false) return <RowList rows={rows} caption={caption} />;
  return (
    <Table<InfoEditRowView>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      {...(caption ? { title: () => caption } : {})}
      columns={[
        { title: '修改项目', dataIndex: 'label', width: 96 },
        { title: '修改前', key: 'old', render: (_: unknown, r) => <Cell row={r} side="old" /> },
        { title: '修改后', key: 'new', render: (_: unknown, r) => <strong><Cell row={r} side="new" /></strong> },
      ]}
    />
  );
}
