/**
 * A dashboard panel: a chart with its table below it (the same figures, for screen readers and for copying) and,
 * when the table can be downloaded, 「导出Excel」 and 「导出CSV」.
 */
import type { ReactNode } from 'react';
import { Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { EChart, type ChartOption } from './echart';
import './charts.css';

export interface ChartCardProps<T> {
  title: string;
  /** The chart's summary for assistive technology. */
  label: string;
  option?: ChartOption;
  chartHeight?: number;
  columns: TableColumnsType<T>;
  rows: T[];
  rowKey: keyof T & string;
  /** `<base>.xlsx` and `<base>.csv` with the same query. */
  exportUrl?: (format: 'xlsx' | 'csv') => string;
  extra?: ReactNode;
  /** A sentence above the chart (totals, units). */
  summary?: string;
  empty?: string;
}

export function ChartCard<T extends object>(p: ChartCardProps<T>) {
  const downloads = p.exportUrl && (
    <Space size={4} wrap>
      <Button size="small" icon={<DownloadOutlined />} href={p.exportUrl('xlsx')} download aria-label={`${p.title}导出Excel`}>Excel</Button>
      <Button size="small" icon={<DownloadOutlined />} href={p.exportUrl('csv')} download aria-label={`${p.title}导出CSV`}>CSV</Button>
    </Space>
  );
  return (
    <Card size="small" title={p.title} extra={p.extra} className="chart-card">
      {p.summary && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{p.summary}</Typography.Paragraph>}
      {p.option && <EChart option={p.option} label={p.label} height={p.chartHeight} />}
      {/* The table scrolls inside its card on a phone; the region takes the keyboard focus to scroll it. */}
      <div className="chart-table-scroll" role="region" aria-label={`${p.title}数据表`} tabIndex={0} style={{ marginTop: p.option ? 8 : 0 }}>
        <Table<T>
          size="small" columns={p.columns} dataSource={p.rows} rowKey={p.rowKey} pagination={false}
          locale={{ emptyText: <span className="chart-table-empty">{p.empty ?? '暂无数据'}</span> }}
        />
      </div>
      {downloads && <div style={{ marginTop: 8, textAlign: 'right' }}>{downloads}</div>}
    </Card>
  );
}
