/**
 * A 资格补改 request opened by the reviewer (domain §2.2 BT-12): the reason and attachments, the physician's current
 * qualification records, the history, and the actions the server allows — 受理, 补改 (correct a record or supplement
 * the missing one) and 驳回 (with written reasons).
 */
import { Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Grid, Input, Radio, Select, Space, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  PHYSICIAN_LEVELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORIES, PRACTICE_CATEGORY_INFO, type PhysicianLevel, type PracticeCategory,
} from '@medreg/domain';
import { applyProblemToForm, isApiError } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../lib/format';
import { AttachmentLinks, CORRECTION_STATUS_COLORS } from './correction-attachments';
import { useCorrectionCommand, useCorrectionDetail, type CorrectionDetail } from './correction-handling-api';
import '../../components/staff-contrast.css';

interface ResolveForm {
  qualificationId: string;
  fields: { level: PhysicianLevel; category: PracticeCategory; certCode?: string; obtainedDate?: Dayjs; admissionTicketNo?: string };
  note?: string;
}
const NEW = 'new';

/** Form.Item names are the API's field paths (fields.certCode …), so a refusal marks its field. */
function ResolveCard({ detail, onCancel }: { detail: CorrectionDetail; onCancel: () => void }) {
  const command = useCorrectionCommand(detail);
  const [form] = Form.useForm<ResolveForm>();
  const [problem, setProblem] = useState<unknown>(null);
  const fill = (id: string) => {
    const q = detail.qualifications.find((r) => r.id === id);
    form.setFieldValue('fields', q
      ? { level: q.level, category: q.category, obtainedDate: q.obtainedDate ? dayjs(q.obtainedDate) : undefined }
      : {});
  };
  const onFinish = ({ qualificationId, fields: f, note }: ResolveForm) => {
    setProblem(null);
    const fields = {
      level: f.level, category: f.category, certCode: f.certCode?.trim() || undefined,
      admissionTicketNo: f.admissionTicketNo?.trim() || undefined, obtainedDate: f.obtainedDate?.format('YYYY-MM-DD'),
    };
    command.mutate(
      { action: 'resolve', qualificationId: qualificationId === NEW ? undefined : qualificationId, fields, note: note?.trim() || undefined },
      {
        onSuccess: onCancel,
        onError: (error) => {
          const unmatched = applyProblemToForm(form, error);
          if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
        },
      },
    );
  };
  return (
    <Card size="small" title="补改资格信息">
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ qualificationId: NEW }}>
        <Form.Item label="补改方式" name="qualificationId">
          <Radio.Group onChange={(e) => fill(e.target.value as string)}>
            <Space direction="vertical">
              <Radio value={NEW}>补录缺失的资格信息</Radio>
              {detail.qualifications.map((q) => <Radio key={q.id} value={q.id}>修改：{q.levelLabel}（{q.categoryLabel}）</Radio>)}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="级别" name={['fields', 'level']} rules={[{ required: true, message: '请选择级别' }]}>
          <Select options={PHYSICIAN_LEVELS.map((l) => ({ value: l, label: PHYSICIAN_LEVEL_INFO[l].label }))} />
        </Form.Item>
        <Form.Item label="类别" name={['fields', 'category']} rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={PRACTICE_CATEGORIES.map((c) => ({ value: c, label: PRACTICE_CATEGORY_INFO[c].fullLabel }))} />
        </Form.Item>
        <Form.Item label="资格证书编码" name={['fields', 'certCode']} extra="27位（旧证24位），含本人身份证号；修改时不填则保持原值">
          <Input className="mono" maxLength={27} autoComplete="off" />
        </Form.Item>
        <Form.Item label="取得资格日期" name={['fields', 'obtainedDate']}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="准考证号" name={['fields', 'admissionTicketNo']}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item label="办理说明（告知医师）" name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={command.isPending}>确定补改</Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}

function RejectCard({ detail, onCancel }: { detail: CorrectionDetail; onCancel: () => void }) {
  const command = useCorrectionCommand(detail);
  const [form] = Form.useForm<{ reasons: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  return (
    <Card size="small" title="驳回">
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={({ reasons }) => command.mutate({ action: 'reject', reasons }, {
        onSuccess: onCancel,
        onError: (error) => { if (applyProblemToForm(form, error).length > 0 || !isApiError(error) || error.errors.length === 0) setProblem(error); },
      })}>
        <Form.Item label="驳回理由（告知医师）" name="reasons" rules={[{ required: true, whitespace: true, message: '驳回必须写明理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Space>
          <Button danger type="primary" htmlType="submit" loading={command.isPending}>确定驳回</Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}

function Actions({ detail }: { detail: CorrectionDetail }) {
  const command = useCorrectionCommand(detail);
  const [open, setOpen] = useState<'resolve' | 'reject' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const allowed = new Set(detail.allowedActions.map((a) => a.action));
  if (allowed.size === 0) return null;
  if (open === 'resolve') return <ResolveCard detail={detail} onCancel={() => setOpen(null)} />;
  if (open === 'reject') return <RejectCard detail={detail} onCancel={() => setOpen(null)} />;
  return (
    <>
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Space wrap>
        {allowed.has('accept') && (
          <Button type="primary" loading={command.isPending} onClick={() => { setProblem(null); command.mutate({ action: 'accept' }, { onError: setProblem }); }}>受理</Button>
        )}
        {allowed.has('resolve') && <Button type="primary" onClick={() => setOpen('resolve')}>补改</Button>}
        {allowed.has('reject') && <Button danger onClick={() => setOpen('reject')}>驳回</Button>}
      </Space>
    </>
  );
}

function Body({ detail }: { detail: CorrectionDetail }) {
  const wide = Grid.useBreakpoint().sm !== false;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered layout={wide ? 'horizontal' : 'vertical'}>
        <Descriptions.Item label="姓名">{detail.physicianName}</Descriptions.Item>
        <Descriptions.Item label="身份证号"><span className="mono">{detail.idNumberMasked}</span></Descriptions.Item>
        <Descriptions.Item label="状态"><StatusTag label={detail.statusLabel} color={CORRECTION_STATUS_COLORS[detail.status] ?? 'default'} /></Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatDateTime(detail.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="补改原因"><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{detail.reason}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label="附件"><AttachmentLinks attachments={detail.attachments} /></Descriptions.Item>
        {detail.resolutionNote && <Descriptions.Item label="处理意见">{detail.resolutionNote}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" title="医师当前的资格信息">
        {detail.qualifications.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无资格信息" /> : detail.qualifications.map((q) => (
          <Descriptions key={q.id} size="small" column={1} style={{ marginBottom: 8 }} title={`${q.levelLabel}（${q.categoryLabel}）`}>
            <Descriptions.Item label="资格证书编码"><span className="mono">{q.certCode ?? '—'}</span></Descriptions.Item>
            <Descriptions.Item label="取得资格日期">{q.obtainedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="准考证号">{q.admissionTicketNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="来源">{q.sourceLabel}（{q.statusLabel}）</Descriptions.Item>
          </Descriptions>
        ))}
      </Card>
      <Actions detail={detail} />
      {detail.history.length > 0 && (
        <Card size="small" title="办理记录">
          <Timeline items={detail.history.map((h) => ({ children: `${formatDateTime(h.at)} ${h.label}${h.actorName ? `（${h.actorName}）` : ''}${h.reason ? `：${h.reason}` : ''}` }))} />
        </Card>
      )}
    </Space>
  );
}

export function CorrectionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, error } = useCorrectionDetail(id);
  const wide = Grid.useBreakpoint().md !== false;
  return (
    // Portalled out of the staff layout: the same contrast rules (staff-contrast.css) and a body reachable by keyboard.
    <Drawer
      title="资格补改申请" open={id !== null} onClose={onClose} size={wide ? 640 : '100%'} destroyOnHidden rootClassName="staff-contrast" mask={wide}
      styles={{ body: { padding: 0, overflow: 'hidden', display: 'flex' } }}
    >
      <div role="region" aria-label="资格补改申请详情" tabIndex={0} style={{ overflow: 'auto', padding: 16, flex: 1 }}>
        <ProblemAlert error={error} />
        {data && <Body detail={data} />}
      </div>
    </Drawer>
  );
}
