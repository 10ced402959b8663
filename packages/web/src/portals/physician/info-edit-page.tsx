/**
 * 信息维护 → 个人信息修改 (domain §2.2 BT-11 [S13][S14]): the physician changes 学历信息, 任职资格, the 2-inch photo and
 * the contact shown on a registration. 「修改后需经主要执业机构审核通过后生效」: the page says so, shows what is
 * registered now, and lists the requests with their status; a pending one may be withdrawn. Phone first (390 px).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Popconfirm, Select, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  DEGREE_LABELS, EDUCATION_LABELS, INFO_EDITED_LABEL, INFO_EDIT_FIELDS, INFO_EDIT_FIELD_GROUPS, INFO_EDIT_FIELD_LABELS, InfoEditChanges, TITLE_LABELS, UPLOAD_LIMITS,
  formatMegabytes, todayInChina, type InfoEditField, type InfoEditValues,
} from '@medreg/domain';
import { applyProblemToForm, isApiError } from '../../api/client';
import { INFO_EDIT_STATUS_COLORS, type CurrentRegistrationInfo, type InfoEditView } from '../../api/info-edit-view';
import { useApiErrorHandler } from '../../api/use-api-error';
import { InfoEditRows } from '../../components/info-edit-rows';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDateTime } from '../../lib/format';
import { uploadInfoEditPhoto, useCurrentInfo, useInfoEditCommands, useOwnInfoEdits } from './info-edit-api';
import '../../components/info-edit.css';
import '../../components/staff-contrast.css';

type TextField = Exclude<InfoEditField, 'photoSha256'>;
type Values = Partial<Record<TextField, string>>;
/** Fields are named ['changes', field], the paths the server's refusals name. */
interface FormValues { changes?: Values }

const options = (labels: readonly string[]) => labels.map((l) => ({ value: l, label: l }));
const SELECTS: Partial<Record<TextField, { value: string; label: string }[]>> = {
  education: options(EDUCATION_LABELS), degree: options(DEGREE_LABELS), title: options(TITLE_LABELS),
};
const INPUT_TYPES: Partial<Record<TextField, string>> = { graduationDate: 'date', phone: 'tel', email: 'email' };

function startValues(v: InfoEditValues): Values {
  return Object.fromEntries(INFO_EDIT_FIELDS.filter((f) => f !== 'photoSha256' && v[f] !== null).map((f) => [f, v[f]])) as Values;
}

/** What the physician changed: the fields that differ from the registered values (blank = left as it is). */
function changesOf(values: Values, current: InfoEditValues, photoSha256: string | null) {
  const changes: Record<string, string> = {};
  for (const f of INFO_EDIT_FIELDS) {
    if (f === 'photoSha256') continue;
    const v = values[f]?.trim();
    if (v && v !== current[f]) changes[f] = v;
  }
  if (photoSha256 && photoSha256 !== current.photoSha256) changes.photoSha256 = photoSha256;
  return changes;
}

function CurrentValues({ reg }: { reg: CurrentRegistrationInfo }) {
  return (
    <Flex gap={12} align="flex-start" wrap>
      {reg.photoUrl
        ? <img src={reg.photoUrl} alt="当前登记的照片" className="info-edit-photo info-edit-photo-large" />
        : <div className="info-edit-photo info-edit-photo-large info-edit-photo-empty">未登记照片</div>}
      <Descriptions
        size="small"
        column={1}
        style={{ flex: 1, minWidth: 220 }}
        items={INFO_EDIT_FIELDS.filter((f) => f !== 'photoSha256').map((f) => ({ key: f, label: INFO_EDIT_FIELD_LABELS[f], children: reg.values[f] ?? EMPTY }))}
      />
    </Flex>
  );
}

function EditForm({ reg }: { reg: CurrentRegistrationInfo }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const { file } = useInfoEditCommands();
  const [photo, setPhoto] = useState<{ sha: string; preview: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const today = todayInChina(new Date());

  useEffect(() => () => { if (photo) URL.revokeObjectURL(photo.preview); }, [photo]);

  const onPhoto = async (f: File) => {
    setUploading(true);
    setProblem(null);
    try {
      const { photoSha256 } = await uploadInfoEditPhoto(f, f.name);
      setPhoto({ sha: photoSha256, preview: URL.createObjectURL(f) });
    } catch (error) {
      setProblem(error);
    } finally {
      setUploading(false);
    }
  };

  const onFinish = ({ changes: values = {} }: FormValues) => {
    setProblem(null);
    setNothing(false);
    const changes = changesOf(values, reg.values, photo?.sha ?? null);
    // The same schema the server validates with: field messages next to the fields.
    const parsed = InfoEditChanges.safeParse(changes);
    if (!parsed.success) {
      const fieldIssues = parsed.error.issues.filter((i) => i.path.length > 0);
      if (fieldIssues.length) form.setFields(fieldIssues.map((i) => ({ name: ['changes', i.path[0] as TextField] as ['changes', TextField], errors: [i.message] })));
      else setNothing(true);
      return;
    }
    if (parsed.data.graduationDate && parsed.data.graduationDate > today) {
      form.setFields([{ name: ['changes', 'graduationDate'], errors: ['毕业时间不能晚于今天'] }]);
      return;
    }
    file.mutate({ registrationId: reg.registrationId, changes: parsed.data }, {
      onSuccess: () => {
        void message.success('信息修改申请已提交，等待主要执业机构审核');
        setPhoto(null);
      },
      onError: (error) => {
        const unmatched = applyProblemToForm(form, error);
        if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
      },
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ changes: startValues(reg.values) }} autoComplete="off" className="physician-form">
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      {nothing && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="您还没有修改任何信息：请修改至少一项后再提交。" />}
      {INFO_EDIT_FIELD_GROUPS.map((g) => (
        <fieldset key={g.key} className="info-edit-group">
          <legend>{g.label}</legend>
          {g.key === 'photo' ? (
            <Form.Item label="新照片" extra={`近6个月2寸白底免冠正面半身照片，JPG/PNG，不超过${formatMegabytes(UPLOAD_LIMITS.photoBytes)}；保存时去除拍摄信息`}>
              <Flex gap={12} align="center" wrap>
                {photo && <img src={photo.preview} alt="新照片预览" className="info-edit-photo" />}
                <Upload accept=".jpg,.jpeg,.png" showUploadList={false} beforeUpload={(f) => { void onPhoto(f); return false; }}>
                  <Button icon={<UploadOutlined />} loading={uploading}>{photo ? '重新选择照片' : '上传新照片'}</Button>
                </Upload>
                {photo && <Button type="link" onClick={() => setPhoto(null)}>不修改照片</Button>}
              </Flex>
            </Form.Item>
          ) : g.fields.map((f) => (
            <Form.Item key={f} name={['changes', f]} label={INFO_EDIT_FIELD_LABELS[f as TextField]}>
              {SELECTS[f as TextField]
                ? <Select options={SELECTS[f as TextField]} placeholder="请选择" aria-label={INFO_EDIT_FIELD_LABELS[f as TextField]} />
                : <Input type={INPUT_TYPES[f as TextField] ?? 'text'} {...(f === 'graduationDate' ? { max: today } : {})} maxLength={100} />}
            </Form.Item>
          ))}
        </fieldset>
      ))}
      <Button type="primary" htmlType="submit" loading={file.isPending} block>提交修改申请</Button>
    </Form>
  );
}

function Requests({ items }: { items: InfoEditView[] }) {
  const { withdraw } = useInfoEditCommands();
  const showError = useApiErrorHandler();
  const { message } = App.useApp();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无信息修改申请" />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {items.map((e) => (
        <Card
          key={e.id}
          size="small"
          data-info-edit={e.id}
          title={<Flex gap={8} align="center" wrap><StatusTag label={e.statusLabel} color={INFO_EDIT_STATUS_COLORS[e.status]} /><Typography.Text type="secondary">{formatDateTime(e.createdAt)} 提交</Typography.Text></Flex>}
          extra={e.allowedActions.some((a) => a.action === 'withdraw') && (
            <Popconfirm title="撤回这条信息修改申请？" okText="撤回" cancelText="取消"
              onConfirm={() => withdraw.mutate({ id: e.id, version: e.version }, { onSuccess: () => void message.success('已撤回'), onError: (err) => showError(err) })}>
              <Button size="small">撤回</Button>
            </Popconfirm>
          )}
        >
          <InfoEditRows rows={e.rows} />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            审核机构：{e.registration.institutionName}
            {e.decidedAt && <>；{formatDateTime(e.decidedAt)} {e.statusLabel}</>}
          </Typography.Paragraph>
          {e.decisionReason && <Alert type="error" showIcon style={{ marginTop: 8 }} message={`不同意的理由：${e.decisionReason}`} />}
        </Card>
      ))}
    </Space>
  );
}

export function InfoEditPage() {
  const current = useCurrentInfo();
  const mine = useOwnInfoEdits();
  const registrations = useMemo(() => current.data?.registrations ?? [], [current.data]);
  const [selected, setSelected] = useState<string | undefined>();
  const reg = registrations.find((r) => r.registrationId === selected) ?? registrations.find((r) => r.canEdit) ?? registrations[0];

  return (
    <div className="staff-contrast">
      <PageHeader title="个人信息修改" description="修改执业注册登记的学历信息、任职资格、照片和联系方式。修改经主要执业机构审核同意后生效，不改变医师资格信息。" />
      <ProblemAlert error={current.error ?? mine.error} />
      {current.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {current.data && registrations.length === 0 && <Empty description="您还没有执业注册，暂不能修改个人信息" />}
      {reg && (
        <>
          {registrations.length > 1 && (
            <Form layout="vertical">
              <Form.Item label="执业注册">
                <Select
                  value={reg.registrationId}
                  onChange={setSelected}
                  options={registrations.map((r) => ({ value: r.registrationId, label: `${r.institutionName}（${r.licenceCode ?? r.statusLabel}）` }))}
                />
              </Form.Item>
            </Form>
          )}
          <Card size="small" title="当前登记的信息" style={{ marginBottom: 16 }}
            extra={reg.edited ? <StatusTag label={INFO_EDITED_LABEL} color="blue" /> : undefined}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {reg.institutionName} · {reg.levelLabel} · {reg.categoryLabel}{reg.licenceCode ? ` · ${reg.licenceCode}` : ''}
            </Typography.Paragraph>
            <CurrentValues reg={reg} />
          </Card>
          <Card size="small" title="修改信息" style={{ marginBottom: 16 }}>
            {reg.canEdit
              ? <EditForm key={`${reg.registrationId}-${JSON.stringify(reg.values)}`} reg={reg} />
              : <Alert type="info" showIcon message={reg.blockedReason} />}
          </Card>
        </>
      )}
      <Card size="small" title="我的信息修改申请">
        {mine.data ? <Requests items={mine.data.items} /> : <Spin />}
      </Card>
    </div>
  );
}
