/**
 * 业务进度 detail (/physician/applications/:id): the status, the next step, the history (antd Timeline: state,
 * action, who — role and organisation, when, remarks) and the application's data. Buttons follow the server's
 * `allowedActions`: 撤回 until the institution acts, 补正后重新提交 after 退回补正, 继续填写/修改 while editable.
 */
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '../../../components/button-link';
import { PageHeader } from '../../../components/page-header';
import { ProblemAlert } from '../../../components/problem-alert';
import { StatusTag } from '../../../components/status-tag';
import { DueDateText } from '../../../components/due-date-text';
import { EMPTY, formatDateTime } from '../../../lib/format';
import { STATE_COLORS, useApplication, useResubmitCorrection, useWithdrawApplication, type ApplicationDetail, type TimelineEntry } from './applications-api';
import './applications.css';
import { ApplicationSummary } from './parts/application-summary';
import { asBusiness, editPath } from './business-api';
import { BusinessSummary } from './business/business-summary';
import './business/business.css';
import { NextStepCard } from './parts/next-step-card';

const TIMELINE_COLORS: Record<string, string> = {
  withdraw: 'gray', institution_refuse: 'red', refuse: 'red', institution_return: 'orange', request_correction: 'orange', approve: 'green',
};

function who(e: TimelineEntry): string {
  return e.actor.organization ? `${e.actor.organization}（${e.actor.roleLabel}）` : e.actor.roleLabel === '医师' ? '申请人（医师）' : e.actor.roleLabel;
}

function History({ app }: { app: ApplicationDetail }) {
  return (
    <Timeline
      items={app.timeline.map((e) => ({
        key: e.id,
        color: TIMELINE_COLORS[e.action] ?? 'blue',
        content: (
          <div className="application-timeline-entry">
            <Space wrap size={8}>
              <Typography.Text strong>{e.actionLabel}</Typography.Text>
              <StatusTag label={e.stateLabel} color={STATE_COLORS[e.toState]} />
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
            </Space>
            <div><Typography.Text type="secondary">办理人：{who(e)}</Typography.Text></div>
            {e.reason && <div className="application-timeline-reason">{e.action === 'submit' ? '说明' : '意见'}：{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}

function WithdrawButton({ app }: { app: ApplicationDetail }) {
  const withdraw = useWithdrawApplication(app.id);
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const open = () => modal.confirm({
    title: '撤回申请',
    content: (
      <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
        <Typography.Paragraph>撤回后本申请不再办理{app.businessCode ? `（业务编号${app.businessCode}）` : ''}，如需办理须重新申请。</Typography.Paragraph>
        <Form.Item name="reason" label="撤回原因（选填）"><Input.TextArea maxLength={200} rows={2} /></Form.Item>
      </Form>
    ),
    okText: '撤回',
    okButtonProps: { danger: true },
    cancelText: '取消',
    onOk: async () => {
      await withdraw.mutateAsync({ expectedVersion: app.version, reason: form.getFieldValue('reason') || undefined })
        .then(() => void message.success('已撤回'))
        .catch((e: unknown) => { void message.error(e instanceof Error ? e.message : '撤回未成功'); });
    },
  });
  return <Button danger onClick={open}>撤回</Button>;
}

function ResubmitButton({ app }: { app: ApplicationDetail }) {
  const resubmit = useResubmitCorrection(app.id);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>补正后重新提交</Button>
      <Modal
        open={open}
        title="补正后重新提交"
        okText="确认提交"
        cancelText="取消"
        confirmLoading={resubmit.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => resubmit.mutate({ expectedVersion: app.version, note: note.trim() || undefined }, { onSuccess: () => setOpen(false) })}
      >
        <Typography.Paragraph>请确认已按要求一次性补齐以下材料：</Typography.Paragraph>
        <ol>{(app.correctionItems ?? app.nextStep.items ?? []).map((i) => <li key={i}>{i}</li>)}</ol>
        <Input.TextArea rows={2} maxLength={500} placeholder="补正说明（选填）" value={note} onChange={(e) => setNote(e.target.value)} />
        <ProblemAlert error={resubmit.error} style={{ marginTop: 12 }} />
      </Modal>
    </>
  );
}

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: app, error, isPending } = useApplication(id);
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !app) {
    return (
      <>
        <PageHeader title="业务详情" breadcrumb={[{ title: '业务进度', to: '/physician/applications' }, { title: '详情' }]} />
        <ProblemAlert error={error} />
      </>
    );
  }
  const can = (action: string) => app.allowedActions.some((a) => a.action === action);
  const business = asBusiness(app).business;
  const label = business?.kindLabel ? `${app.businessTypeLabel} · ${business.kindLabel}` : app.businessTypeLabel;
  return (
    <>
      <PageHeader
        title={`${app.businessTypeLabel}${app.businessCode ? ` ${app.businessCode}` : '（草稿）'}`}
        breadcrumb={[{ title: '业务进度', to: '/physician/applications' }, { title: app.businessCode ?? '草稿' }]}
        extra={
          <>
            {app.editable && (
              <Button type="primary" onClick={() => navigate(`${editPath(app)}${app.state === 'draft' ? '' : '?step=0'}`)}>
                {app.state === 'draft' ? '继续填写' : '修改后重新提交'}
              </Button>
            )}
            {can('resubmit_correction') && <ResubmitButton app={app} />}
            {can('withdraw') && <WithdrawButton app={app} />}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }} items={[
        { key: 'state', label: '当前状态', children: <StatusTag label={app.stateLabel} color={STATE_COLORS[app.state]} /> },
        { key: 'type', label: '业务类型', children: label },
        { key: 'code', label: '业务编号', children: app.businessCode ?? '提交后生成' },
        { key: 'inst', label: '确认机构', children: app.institution?.name ?? app.form.institution?.name ?? EMPTY },
        { key: 'auth', label: '审批机关', children: app.authority?.name ?? EMPTY },
        { key: 'sub', label: '申请日期', children: formatDateTime(app.submittedAt) },
        ...(app.dueDate ? [{ key: 'due', label: '法定办结日期', children: <DueDateText dueDate={app.dueDate} dueDateProvisional={app.dueDateProvisional} dueDateNote={app.dueDateNote} /> }] : []),
        ...(app.decisionDocument ? [{ key: 'doc', label: '决定书', children: <a href={app.decisionDocument.url} target="_blank" rel="noreferrer">{app.decisionDocument.documentNo}</a> }] : []),
      ]} />
      <NextStepCard step={app.nextStep} />
      <div className="application-detail-grid">
        <Card size="small" title="办理记录" className="application-history">
          <History app={app} />
        </Card>
        <Card size="small" title="申请信息">
          {business ? <BusinessSummary app={asBusiness(app)} /> : <ApplicationSummary app={app} />}
        </Card>
      </div>
      {app.state === 'withdrawn' && (
        <div style={{ marginTop: 16 }}><ButtonLink to="/physician/applications/new">重新申请</ButtonLink></div>
      )}
    </>
  );
}
