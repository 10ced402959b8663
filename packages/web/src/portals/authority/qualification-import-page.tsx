/**
 * 资格数据导入 (国家医师资格信息, province administrators): upload a CSV or Excel file in the template's columns, watch
 * the progress (rows read / valid / rejected), read the result and download the error report; the history below.
 * Who may import is decided by the server (province or national administrators only).
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { importProgressPercent, QUALIFICATION_IMPORT_STATUS_LABELS, QUALIFICATION_IMPORT_STATUSES, type QualificationImportStatus } from '@medreg/domain';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useKeysetPages } from '../../components/use-keyset-pages';
import '../../components/staff-contrast.css';
import { templateUrl, useImportProgress, useImports, useStartImport, type QualificationImportView } from './qualification-import-api';

const STATUS_COLOR: Record<QualificationImportStatus, string> = { queued: 'default', reading: 'processing', merging: 'processing', done: 'success', failed: 'error' };
const n = (v: number) => v.toLocaleString('zh-CN');
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

function ImportProgress({ imp }: { imp: QualificationImportView }) {
  const { counts } = imp;
  const percent = importProgressPercent(imp.status, imp.bytesRead, imp.fileBytes);
  return (
    <Card size="small" title={`当前导入：${imp.fileName}`} data-testid="import-progress">
      <Progress
        percent={percent}
        status={imp.status === 'failed' ? 'exception' : imp.running ? 'active' : 'success'}
        success={{ percent: counts.read ? Math.round((percent * counts.valid) / counts.read) : 0 }}
        aria-label="导入进度"
      />
      <Space wrap size="large" style={{ marginTop: 8 }}>
        <Tag color={STATUS_COLOR[imp.status]}>{imp.statusLabel}</Tag>
        <span data-testid="rows-read">已读取 {n(counts.read)} 行</span>
        <span data-testid="rows-valid">合格 {n(counts.valid)} 行</span>
        <span data-testid="rows-rejected">不合格 {n(counts.rejected)} 行</span>
      </Space>
      {!imp.running && imp.status === 'done' && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginTop: 12 }} data-testid="import-result">
          <Descriptions.Item label="新增">{n(counts.inserted)}</Descriptions.Item>
          <Descriptions.Item label="更新">{n(counts.updated)}</Descriptions.Item>
          <Descriptions.Item label="未变化">{n(counts.unchanged)}</Descriptions.Item>
        </Descriptions>
      )}
      {imp.status === 'failed' && <Alert type="error" showIcon style={{ marginTop: 12 }} message="导入失败，未导入任何记录" description={imp.failureReason} />}
      {imp.errorReport && (
        <Space style={{ marginTop: 12 }} wrap>
          <Typography.Text>错误报告（行号、列、原因）：</Typography.Text>
          <Button href={imp.errorReport.xlsx} download>下载错误报告（Excel）</Button>
          <Button href={imp.errorReport.csv} download>下载错误报告（CSV）</Button>
        </Space>
      )}
    </Card>
  );
}

export function QualificationImportPage() {
  const [currentId, setCurrentId] = useState<string>();
  const [status, setStatus] = useState<QualificationImportStatus>();
  const pages = useKeysetPages();
  const start = useStartImport();
  const progress = useImportProgress(currentId);
  const list = useImports(status, pages.cursor);
  const running = progress.data?.running;
  useEffect(() => {
    if (running === false) void list.refetch(); // the finished import shows its final counts in the history
  }, [running]);

  return (
    <div className="staff-contrast">
      <PageHeader
        title="资格数据导入"
        description="导入国家医师资格信息（考试合格人员与资格证书）：支持 CSV 和 Excel（.xlsx），单个文件最大 2 GB。逐行校验，合格行入库，不合格行列入错误报告；重复导入同一文件不会产生变化。"
        extra={<Space wrap><Button href={templateUrl('xlsx')} download>下载模板（Excel）</Button><Button href={templateUrl('csv')} download>下载模板（CSV）</Button></Space>}
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Upload.Dragger
          name="file"
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={start.isPending}
          customRequest={({ file }) => {
            start.mutate(file as File, { onSuccess: (created) => setCurrentId(created.id) });
          }}
          aria-label="选择资格信息文件"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
          <p className="ant-upload-text">{start.isPending ? '正在上传…' : '点击或拖拽文件到此处上传'}</p>
          <p className="ant-upload-hint">列名请与模板一致；带＊的列必填，资格证书编码和准考证号至少填写一项</p>
        </Upload.Dragger>
        {start.error && <ProblemAlert error={start.error} title="上传失败" />}
        {progress.data && <ImportProgress imp={progress.data} />}
        <Card size="small" title="导入记录" extra={
          <Select allowClear placeholder="全部状态" aria-label="按状态筛选" style={{ width: 140 }} value={status}
            options={QUALIFICATION_IMPORT_STATUSES.map((s) => ({ value: s, label: QUALIFICATION_IMPORT_STATUS_LABELS[s] }))}
            onChange={(v) => { setStatus(v); pages.reset(); }} />
        }>
          <Table<QualificationImportView>
            rowKey="id" size="small" loading={list.isFetching} dataSource={list.data?.items ?? []} pagination={false} scroll={{ x: 760 }}
            columns={[
              { title: '文件', dataIndex: 'fileName' },
              { title: '状态', dataIndex: 'statusLabel', render: (label: string, r) => <Tag color={STATUS_COLOR[r.status]}>{label}</Tag> },
              { title: '已读取', render: (_, r) => n(r.counts.read) },
              { title: '不合格', render: (_, r) => n(r.counts.rejected) },
              { title: '新增 / 更新 / 未变化', render: (_, r) => `${n(r.counts.inserted)} / ${n(r.counts.updated)} / ${n(r.counts.unchanged)}` },
              { title: '导入人', dataIndex: 'createdByName' },
              { title: '开始时间', render: (_, r) => time(r.createdAt) },
              { title: '操作', render: (_, r) => (
                <Space>
                  <Button type="link" size="small" onClick={() => setCurrentId(r.id)}>查看</Button>
                  {r.errorReport && <Button type="link" size="small" href={r.errorReport.xlsx} download>错误报告</Button>}
                </Space>
              ) },
            ]}
          />
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} prefix={`共 ${list.data?.total ?? 0} 次导入`} />
        </Card>
      </Space>
    </div>
  );
}
