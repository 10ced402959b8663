/**
 * 医师账户激活 (domain §1.2 item 7, §3.3 path 1): the physicians whose main institution is this one, their
 * account status, 【生成激活码】 one by one or in a batch (sent by SMS and e-mail), and 自动激活.
 */
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ACTIVATION_CODE_TTL_DAYS, PHYSICIAN_ACCOUNT_STATUSES, PHYSICIAN_ACCOUNT_STATUS_LABELS, type PhysicianAccountStatus } from '@medreg/domain';
import { useApiErrorHandler } from '../../api/use-api-error';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag, type StatusColor } from '../../components/status-tag';
import { useKeysetPages } from '../../components/use-keyset-pages';
import { EMPTY, formatDate, formatDateTime } from '../../lib/format';
import {
  useActivationPhysicians, useActivationSettings, useIssueCodes, useSetAutoActivation, type ActivationListQuery, type ActivationPhysician, type IssueResult,
} from './institution-api';
import './institution.css';
import { ExportButtons } from '../../components/export-buttons';

const STATUS_COLORS: Record<PhysicianAccountStatus, StatusColor> = { no_account: 'default', unverified: 'warning', verified: 'processing', active: 'success' };
const CHANNEL_LABELS = { sms: '短信', email: '电子邮件' } as const;

export function ActivationPage() {
  const [filters, setFilters] = useState<Pick<ActivationListQuery, 'name' | 'status'>>({});
  const pages = useKeysetPages();
  const { data, error, isFetching } = useActivationPhysicians({ ...filters, cursor: pages.cursor, limit: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<IssueResult | null>(null);
  const issue = useIssueCodes();
  const showError = useApiErrorHandler();
  const { modal } = App.useApp();

  const run = (target: { physicianIds: string[] } | 'all-pending') =>
    issue.mutate(target, {
      onSuccess: (r) => {
        setResult(r);
        setSelected([]);
      },
      onError: (e) => showError(e),
    });

  const confirmAll = () => modal.confirm({
    title: '为全部未激活医师生成激活码',
    content: '将为本机构所有已注册电子化账户、尚未激活的医师生成新的激活码，并通过短信和电子邮件发送；医师此前未使用的激活码同时作废。',
    okText: '确定生成',
    cancelText: '取消',
    onOk: () => run('all-pending'),
  });

  const columns: TableColumnsType<ActivationPhysician> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '性别', dataIndex: 'sexLabel', width: 60 },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <span className="inst-mono">{v}</span> },
    { title: '执业证书编码', dataIndex: 'licenceCode', width: 160, render: (v: string | null) => <span className="inst-mono">{v ?? EMPTY}</span> },
    { title: '执业类别', key: 'category', width: 130, render: (_: unknown, r) => `${r.levelLabel} · ${r.categoryLabel}` },
    {
      title: '医师账户状态', key: 'status', width: 150,
      render: (_: unknown, r) => (
        <div>
          <StatusTag label={r.accountStatusLabel} color={STATUS_COLORS[r.accountStatus]} />
          {r.activationMethodLabel && <div className="inst-timeline-meta">{r.activationMethodLabel} · {formatDate(r.activatedAt)}</div>}
        </div>
      ),
    },
    {
      title: '最近激活码', key: 'lastCode', width: 170,
      render: (_: unknown, r) => r.lastCode ? (
        <div>
          <Tag color={r.lastCode.state === 'valid' ? 'blue' : r.lastCode.state === 'used' ? 'green' : 'default'}>
            {r.lastCode.state === 'valid' ? '有效' : r.lastCode.state === 'used' ? '已使用' : '已失效'}
          </Tag>
          <div className="inst-timeline-meta">生成于 {formatDateTime(r.lastCode.issuedAt)}</div>
        </div>
      ) : EMPTY,
    },
    {
      title: '操作', key: 'actions', width: 130, fixed: 'right',
      render: (_: unknown, r) => r.canIssueCode ? (
        <Button size="small" type="primary" loading={issue.isPending && issue.variables !== 'all-pending' && issue.variables?.physicianIds.length === 1 && issue.variables.physicianIds[0] === r.physicianId}
          onClick={() => run({ physicianIds: [r.physicianId] })}>
          生成激活码
        </Button>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.accountStatus === 'active' ? '无需激活' : r.accountStatus === 'no_account' ? '尚未注册账户' : '未验证手机号'}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="医师账户激活"
        description={`主要执业机构为本机构、注册有效的医师在此列出。为已验证手机号的医师生成激活码，激活码通过短信和电子邮件发送给医师，${ACTIVATION_CODE_TTL_DAYS}日内有效；医师在个人端输入激活码后点击【激活我的账户】。`}
      />
      <AutoActivationCard />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="查询不到某位医师？"
        description="请到「医师验证」中核对该医师注册信息的执业地点、主要执业机构是否与本机构的标准名称一致；若不一致，请联系卫生健康委处理。"
      />
      <Form layout="inline" className="inst-filters" onFinish={(v: { name?: string; status?: PhysicianAccountStatus }) => {
        setFilters({ name: v.name?.trim() || undefined, status: v.status });
        pages.reset();
      }}>
        <Form.Item name="name" label="姓名"><Input allowClear placeholder="医师姓名" style={{ width: 140 }} /></Form.Item>
        <Form.Item name="status" label="医师账户状态">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={PHYSICIAN_ACCOUNT_STATUSES.map((s) => ({ value: s, label: PHYSICIAN_ACCOUNT_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">查询</Button></Form.Item>
        <Form.Item><ExportButtons path="/api/v1/institution/activation/physicians/export" filters={filters} what="医师账户激活" /></Form.Item>
      </Form>
      <Flex gap={8} style={{ margin: '8px 0 12px' }} wrap>
        <Button type="primary" disabled={selected.length === 0} loading={issue.isPending && issue.variables !== 'all-pending' && (issue.variables?.physicianIds.length ?? 0) > 1}
          onClick={() => run({ physicianIds: selected })}>
          为所选医师生成激活码{selected.length > 0 ? `（${selected.length}）` : ''}
        </Button>
        <Button loading={issue.isPending && issue.variables === 'all-pending'} onClick={confirmAll}>为全部未激活医师生成激活码</Button>
      </Flex>
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Table<ActivationPhysician>
        rowKey="physicianId"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: !r.canIssueCode, title: r.canIssueCode ? undefined : (r.cannotIssueReason ?? undefined) }),
          preserveSelectedRowKeys: true,
        }}
        locale={{ emptyText: '没有主要执业机构为本机构的医师' }}
      />
      <KeysetPager pages={pages} nextCursor={data?.nextCursor} />
      <IssueResultModal result={result} onClose={() => setResult(null)} />
    </>
  );
}

function AutoActivationCard() {
  const settings = useActivationSettings();
  const toggle = useSetAutoActivation();
  const showError = useApiErrorHandler();
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>自动激活</Typography.Text>
        <Switch
          checked={settings.data?.autoActivate ?? false}
          loading={settings.isPending || toggle.isPending}
          checkedChildren="已开启"
          unCheckedChildren="已关闭"
          onChange={(enabled) => toggle.mutate(enabled, { onError: (e) => showError(e) })}
          aria-label="自动激活"
        />
        <Typography.Text type="secondary">
          开启后，主要执业机构为本机构、已验证手机号的医师打开个人端激活页面时即自动激活，无需激活码（医师刷新页面即可）。
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function IssueResultModal({ result, onClose }: { result: IssueResult | null; onClose: () => void }) {
  return (
    <Modal title="激活码生成结果" open={result !== null} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>知道了</Button>} width={640}>
      {result && (
        <>
          <Alert
            type={result.issuedCount > 0 ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={result.issuedCount > 0 ? `已为 ${result.issuedCount} 名医师生成激活码并发送` : '没有生成激活码'}
            description={result.issuedCount > 0 ? `激活码有效期至 ${formatDateTime(result.expiresAt)}。激活码只发送给医师本人，系统不保存激活码明文。` : undefined}
          />
          {result.issued.length > 0 && (
            <ul className="inst-plain-list">
              {result.issued.slice(0, 50).map((i) => <li key={i.physicianId}>{i.name}：已通过{i.channels.map((c) => CHANNEL_LABELS[c]).join('、')}发送</li>)}
              {result.issued.length > 50 && <li>……等 {result.issued.length} 名</li>}
            </ul>
          )}
          {result.skipped.length > 0 && (
            <>
              <Typography.Paragraph strong style={{ marginTop: 12 }}>未生成（{result.skipped.length}）：</Typography.Paragraph>
              <ul className="inst-plain-list">
                {result.skipped.slice(0, 50).map((s) => <li key={s.physicianId}>{s.name ?? '（未知医师）'}：{s.reasonText}</li>)}
              </ul>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
