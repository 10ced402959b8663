/**
 * 医疗机构管理 (authority administrators, domain §4.5–4.8): the institutions of the jurisdiction — filter, page,
 * export; 新增 (with the first administrator's one-time password shown once), 修改, 暂停 (with a reason) and 恢复;
 * 批量导入 from a spreadsheet (all or nothing, the credentials workbook once); 变更记录 and the applications still open at a suspended institution. The buttons follow the server's abilities.
 */
import { App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, INSTITUTION_STATUS_LABELS, INSTITUTION_STATUSES } from '@medreg/domain';
import { applyProblemToForm } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { useSession } from '../../session/use-session';
import '../../components/staff-contrast.css';
import { CredentialsDialog } from './institution-credentials-dialog';
import { InstitutionDetailDrawer } from './institution-detail-drawer';
import { InstitutionFormDialog } from './institution-form-dialog';
import { InstitutionImportDialog } from './institution-import-dialog';
import { useRegistry, useRegistryMutations, type Created, type RegistryFilters, type RegistryInstitution } from './institution-registry-api';
import { ExportButtons } from '../../components/export-buttons';

export function InstitutionRegistryPage() {
  const { session } = useSession();
  const authority = session?.authenticated ? session.authority : null;
  const [filters, setFilters] = useState<RegistryFilters>({});
  const pages = useKeysetPages();
  const { data, error, isFetching } = useRegistry(filters, pages.cursor);
  const { reopen } = useRegistryMutations();
  const { message, modal } = App.useApp();
  const showError = useApiErrorHandler();
  const [formFor, setFormFor] = useState<RegistryInstitution | 'new' | null>(null);
  const [created, setCreated] = useState<{ created: Created; name: string } | null>(null);
  const [suspending, setSuspending] = useState<RegistryInstitution | null>(null);
  const [viewing, setViewing] = useState<{ id: string; tab: 'info' | 'history' | 'pending' } | null>(null);
  const [search] = Form.useForm<RegistryFilters>();
  const [importing, setImporting] = useState(false);

  const doReopen = (i: RegistryInstitution) => modal.confirm({
    title: `恢复「${i.name}」`,
    content: '恢复后该机构可以重新接收执业注册申请。',
    okText: '确定恢复', cancelText: '取消',
    onOk: () => reopen.mutateAsync({ id: i.id, body: { expectedVersion: i.version } })
      .then(() => void message.success('已恢复，该机构可以接收新的申请')).catch((e: unknown) => showError(e)),
  });

  const columns: TableColumnsType<RegistryInstitution> = [
    {
      title: '标准名称', dataIndex: 'name', width: 240,
      render: (v: string, i) => <Typography.Link onClick={() => setViewing({ id: i.id, tab: 'info' })}>{v}</Typography.Link>,
    },
    { title: '状态', dataIndex: 'statusLabel', width: 80, render: (v: string, i) => <StatusTag label={v} color={i.status === 'normal' ? 'success' : 'warning'} /> },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190, render: (v: string) => <span className="registry-mono">{v}</span> },
    { title: '类别 / 等级', key: 'kind', width: 150, render: (_: unknown, i) => `${i.kindLabel} · ${i.gradeLabel}` },
    { title: '所在地区', dataIndex: 'areaName', width: 170 },
    { title: '审批机关', key: 'approver', width: 200, render: (_: unknown, i) => i.approvingAuthority.name },
    {
      title: '操作', key: 'actions', width: 250, fixed: 'right',
      render: (_: unknown, i) => (
        <Space size={4} wrap>
          {i.abilities.edit && <Button size="small" onClick={() => setFormFor(i)}>修改</Button>}
          {i.abilities.suspend && <Button size="small" danger onClick={() => setSuspending(i)}>暂停</Button>}
          {i.abilities.reopen && <Button size="small" type="primary" ghost onClick={() => doReopen(i)}>恢复</Button>}
          <Button size="small" type="link" onClick={() => setViewing({ id: i.id, tab: 'history' })}>变更记录</Button>
          {i.status === 'suspended' && <Button size="small" type="link" onClick={() => setViewing({ id: i.id, tab: 'pending' })}>在办申请</Button>}
        </Space>
      ),
    },
  ];

  const apply = (v: RegistryFilters) => {
    setFilters({ name: v.name?.trim() || undefined, kind: v.kind, status: v.status });
    pages.reset();
  };

  return (
    // staff-contrast.css: the danger buttons and status tags dark enough to read (WCAG 2.1 AA 1.4.3).
    <div className="staff-contrast">
      <PageHeader
        title="医疗机构管理"
        description={`${authority?.name ?? '本部门'}辖区内的医疗机构名录。新增机构时同时创建其机构管理员账户；暂停的机构不能接收新的执业注册申请，已提交的申请继续办理。`}
        extra={<Space wrap><Button onClick={() => setImporting(true)}>批量导入</Button><Button type="primary" onClick={() => setFormFor('new')}>新增医疗机构</Button></Space>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={search} name="registry-search" layout="inline" onFinish={apply} className="registry-filters">
          <Form.Item name="name" label="名称"><Input allowClear maxLength={60} placeholder="机构名称的一部分" /></Form.Item>
          <Form.Item name="kind" label="类别">
            <Select allowClear style={{ width: 130 }} placeholder="全部" options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear style={{ width: 110 }} placeholder="全部" options={INSTITUTION_STATUSES.map((s) => ({ value: s, label: INSTITUTION_STATUS_LABELS[s] }))} />
          </Form.Item>
          <Form.Item><Button htmlType="submit" type="primary" ghost>查询</Button></Form.Item>
        </Form>
      </Card>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap={8}>
        <Typography.Text type="secondary">共 {data?.total ?? 0} 家机构</Typography.Text>
        <Space>
          <ExportButtons path="/api/v1/authority/institution-registry/export" filters={filters} what="医疗机构名录" />
        </Space>
      </Flex>
      <Table<RegistryInstitution> rowKey="id" size="middle" loading={isFetching} columns={columns} dataSource={data?.items ?? []} pagination={false} scroll={{ x: 1280 }} />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} />

      {formFor && authority && (
        <InstitutionFormDialog
          jurisdiction={authority}
          editing={formFor === 'new' ? undefined : formFor}
          onClose={() => setFormFor(null)}
          onCreated={(c, name) => { setCreated({ created: c, name }); setFormFor(null); }}
          onSaved={(warnings) => { setFormFor(null); void message.success(warnings.length ? `已保存。${warnings.map((w) => w.message).join(' ')}` : '已保存'); }}
        />
      )}
      {created && <CredentialsDialog created={created.created} institutionName={created.name} onClose={() => setCreated(null)} />}
      {suspending && <SuspendDialog institution={suspending} onClose={() => setSuspending(null)} />}
      {importing && <InstitutionImportDialog onClose={() => setImporting(false)} />}
      {viewing && <InstitutionDetailDrawer id={viewing.id} tab={viewing.tab} onClose={() => setViewing(null)} />}
    </div>
  );
}

function SuspendDialog({ institution, onClose }: { institution: RegistryInstitution; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { suspend } = useRegistryMutations();
  const { message } = App.useApp();
  const submit = async (v: { reason: string }) => {
    try {
      await suspend.mutateAsync({ id: institution.id, body: { expectedVersion: institution.version, reason: v.reason } });
      void message.success('已暂停，该机构不能再接收新的申请');
      onClose();
    } catch (e) { applyProblemToForm(form, e); }
  };
  return (
    <Modal open rootClassName="staff-contrast" title={`暂停「${institution.name}」`} okText="确定暂停" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={suspend.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Typography.Paragraph>暂停后，医师不能再选择该机构提交新的执业注册申请；已提交的申请继续办理。</Typography.Paragraph>
      <Form form={form} name="suspension" layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="暂停原因" rules={[{ required: true, whitespace: true, message: '请填写暂停原因' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <ProblemAlert error={suspend.error} />
    </Modal>
  );
}
