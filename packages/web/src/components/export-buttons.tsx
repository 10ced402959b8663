import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';

export type ExportFormat = 'xlsx' | 'csv';
/** The list's filters as it holds them (a query object); blanks are left out. */
export type ExportFilters = object;

const LABELS: Record<ExportFormat, string> = { xlsx: '导出Excel', csv: '导出CSV' };

/**
 * The download of a list with its current filters: `<path>.xlsx?…` or `<path>.csv?…` (the server's exportRoutes).
 * Paging (cursor, limit) is left out: an export holds every row the filters select, up to the stated maximum.
 */
export function exportUrl(path: string, format: ExportFormat, filters: ExportFilters = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters) as [string, unknown][]) {
    if (v !== undefined && v !== null && v !== '' && k !== 'cursor' && k !== 'limit') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${path}.${format}${qs ? `?${qs}` : ''}`;
}

/**
 * 「导出Excel」「导出CSV」 for a list page: plain links the browser downloads with the session cookie. `what` names
 * the list for screen readers (「导出Excel：审批工作台」); the two buttons wrap onto their own line on a narrow screen.
 */
export function ExportButtons({ path, filters, what, unavailable }: {
  path: string; filters?: ExportFilters; what: string;
  /** Why the current result cannot be downloaded (e.g. a 身份证号 search, which never goes into a URL). */
  unavailable?: string;
}) {
  return (
    <Space wrap size={8} className="export-buttons">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button key={format} icon={<DownloadOutlined />} href={unavailable ? undefined : exportUrl(path, format, filters)} download
          disabled={unavailable !== undefined} title={unavailable} aria-label={`${LABELS[format]}：${what}`}>
          {LABELS[format]}
        </Button>
      ))}
      {unavailable && <Typography.Text type="secondary">{unavailable}</Typography.Text>}
    </Space>
  );
}
