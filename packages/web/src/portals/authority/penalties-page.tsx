/** 「处分决定」 (《医师法》第五十五条至第五十八条): record 暂停执业活动 or 吊销医师执业证书 for a physician found by 执业证书编码, and list them. */
import { Button, Card, Form, Input, Radio, Select, Space, Table, Typography, message } from 'antd';
import { PENALTY_ARTICLE_LABELS, PENALTY_ARTICLES, PENALTY_KIND_LABELS, PENALTY_KINDS, SUSPENSION_ARTICLES, type PenaltyDecisionForm, type PenaltyKind } from '@medreg/domain';
import { applyProblemToForm } from '../../api/client';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { usePenalties, useRecordPenalty, type PenaltyRow } from '../../components/supervision/supervision-api';
import { useKeysetPages } from '../../components/use-keyset-pages';
import '../../components/staff-contrast.css';
import '../../components/supervision/supervision.css';
import { ExportButtons } from '../../components/export-buttons';

export function PenaltiesPage() {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as PenaltyKind | undefined;
  const record = useRecordPenalty();
  const pages = useKeysetPages();
  const list = usePenalties(pages.cursor);
  const submit = async (v: PenaltyDecisionForm) => {
    try { await record.mutateAsync(v); form.resetFields(); void message.success('处分决定已登记'); } catch (e) { applyProblemToForm(form, e); }
  };
  const articles = (kind === 'suspension' ? SUSPENSION_ARTICLES : PENALTY_ARTICLES).map((a) => ({ value: a, label: PENALTY_ARTICLE_LABELS[a] }));
  return (
    // staff-contrast.css: the danger button's red dark enough to read (WCAG 2.1 AA 1.4.3).
    <div className="staff-contrast">
      <PageHeader title="处分决定" description="登记责令暂停执业活动（六个月以上一年以下，期满自动恢复）或吊销医师执业证书（注销注册，二年内不予注册）的决定。" />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small" title="登记处分决定">
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'suspension' }} style={{ maxWidth: 640 }}>
            <Form.Item name="kind" label="处分种类"><Radio.Group options={PENALTY_KINDS.map((k) => ({ value: k, label: PENALTY_KIND_LABELS[k] }))} /></Form.Item>
            <Form.Item name="licenceCode" label="执业证书编码" rules={[{ required: true, message: '请填写执业证书编码' }]}><Input maxLength={15} inputMode="numeric" /></Form.Item>
            <Form.Item name="documentNo" label="文书编号" rules={[{ required: true, message: '请填写文书编号' }]}><Input placeholder="如 京海卫医罚〔2026〕12号" /></Form.Item>
            <Form.Item name="article" label="处罚依据" rules={[{ required: true, message: '请选择处罚依据' }]}><Select options={articles} /></Form.Item>
            <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请填写决定日期' }]}><Input type="date" /></Form.Item>
            {kind !== 'revocation' && <>
              <Form.Item name="startsOn" label="暂停开始日期" rules={[{ required: true, message: '请填写开始日期' }]}><Input type="date" /></Form.Item>
              <Form.Item name="endsOn" label="暂停结束日期" rules={[{ required: true, message: '请填写结束日期' }]}><Input type="date" /></Form.Item>
            </>}
            <Form.Item name="facts" label="违法事实" rules={[{ required: true, message: '请填写违法事实' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} danger={kind === 'revocation'}>登记</Button>
          </Form>
          <ProblemAlert error={record.error} style={{ marginTop: 12 }} />
        </Card>
        <Card size="small" title="处分决定列表" extra={<ExportButtons path="/api/v1/authority/penalties/export" what="处分决定" />}>
          <ProblemAlert error={list.error} />
          <div className="supervision-table-scroll" role="region" aria-label="处分决定列表" tabIndex={0}>
          <Table<PenaltyRow> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} style={{ minWidth: 900 }}
            locale={{ emptyText: <Typography.Text type="secondary">暂无处分决定</Typography.Text> }}
            columns={[
              { title: '决定日期', dataIndex: 'decidedOn' }, { title: '文书编号', dataIndex: 'documentNo' }, { title: '处分', dataIndex: 'kindLabel' },
              { title: '姓名', dataIndex: 'physicianName' }, { title: '执业证书编码', dataIndex: 'licenceCode' },
              { title: '期限', render: (_: unknown, r: PenaltyRow) => (r.startsOn ? `${r.startsOn} 至 ${r.endsOn}` : '—') },
              { title: '状态', dataIndex: 'statusLabel' }, { title: '决定机关', dataIndex: 'authorityName' },
            ]} />
          </div>
          <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} prefix={`共 ${list.data?.total ?? 0} 条 · `} />
        </Card>
      </Space>
    </div>
  );
}
