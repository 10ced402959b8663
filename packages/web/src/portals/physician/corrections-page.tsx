/**
 * 资格补改指南 (seed question 五): what to do when the qualification cannot be verified, and the
 * physician's 资格补改 requests with their status and the authority's resolution (domain §2.2 BT-12); once the last one
 * is closed (已补改 / 未予补改) a new one may be filed. A request carries a reason and attachments (UPLOAD_LIMITS).
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Table, Typography, Upload, type UploadFile } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { UPLOAD_LIMITS, formatMegabytes } from '@medreg/domain';
import { api, applyProblemToForm, isApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../lib/format';
import { useRefreshPhysician } from './physician-api';
import '../../components/staff-contrast.css';

interface Correction {
  id: string;
  reason: string;
  attachmentCount: number;
  authorityName: string | null;
  status: 'submitted' | 'in_review' | 'resolved' | 'rejected';
  statusLabel: string;
  resolutionNote: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

const STATUS_COLOR: Record<Correction['status'], string> = { submitted: 'processing', in_review: 'processing', resolved: 'success', rejected: 'error' };
const ACCEPT = ['image/jpeg', 'image/png', 'application/pdf'];
const { attachmentBytes, attachmentsPerCorrection, correctionTotalBytes } = UPLOAD_LIMITS;
const ATTACHMENTS_HINT = `最多${attachmentsPerCorrection}个，JPEG、PNG 图片或 PDF 文件，每个不超过 ${formatMegabytes(attachmentBytes)}，`
  + `合计不超过 ${formatMegabytes(correctionTotalBytes)}。图片将去除拍摄信息后保存；PDF 不能加密，也不能含有脚本等活动内容。`;
const CORRECTIONS_KEY = ['physician', 'qualification-corrections'] as const;

function Guide() {
  return (
    <Card size="small" title="未验证到医师资格怎么办？" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          <li>若未通过医师资格校验，可能是注册时填写的姓名及身份证号码有误，请在「医师资格校验」页面修改正确后继续验证（仅限账户激活前）。</li>
          <li>考试合格但尚未取得证书、资格信息尚未同步的，请在「医师资格校验」页面输入医学综合笔试准考证号获取资格信息。</li>
          <li>如果确认姓名及身份证号码无误，仍查不到或资格信息有误（如历年证书未入库、军队转换、姓名或身份证号变更），请在下方提交资格补改申请，说明情况并上传《医师资格证书》、身份证等材料的照片或扫描件。申请将转交您身份证所属省份的卫生健康委（未开通的转国家卫生健康委）办理，您可在本页查看办理状态。</li>
        </ol>
      </Typography.Paragraph>
    </Card>
  );
}

function NewRequest({ onDone }: { onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const onFinish = async ({ reason }: { reason: string }) => {
    const data = new FormData();
    data.append('reason', reason);
    for (const f of files) if (f.originFileObj) data.append('attachments', f.originFileObj, f.name);
    setPending(true);
    setProblem(null);
    try {
      await api.upload('/api/v1/physician/qualification-corrections', data);
      void message.success('资格补改申请已提交');
      form.resetFields();
      setFiles([]);
      await onDone();
    } catch (error) {
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card size="small" title="提交资格补改申请">
      <ProblemAlert error={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
        <Form.Item label="申请原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写申请资格补改的原因' }, { max: 1000, message: '不超过1000字' }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="例如：2010年取得医师资格，资格证书编码为……，系统中查询不到" />
        </Form.Item>
        <Form.Item label="证明材料（选填）" name="attachments" extra={ATTACHMENTS_HINT}>
          <Upload
            multiple
            accept=".jpg,.jpeg,.png,.pdf"
            fileList={files}
            beforeUpload={(file) => {
              if (!ACCEPT.includes(file.type)) { void message.error(`「${file.name}」不是 JPEG、PNG 图片或 PDF 文件`); return Upload.LIST_IGNORE; }
              if (file.size > attachmentBytes) { void message.error(`「${file.name}」超过 ${formatMegabytes(attachmentBytes)}`); return Upload.LIST_IGNORE; }
              return false; // sent with the form, not on its own
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, attachmentsPerCorrection))}
            maxCount={attachmentsPerCorrection}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= attachmentsPerCorrection}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>提交申请</Button>
      </Form>
    </Card>
  );
}

export function QualificationCorrectionsPage() {
  const refreshPhysician = useRefreshPhysician();
  const { data, error, isPending } = useQuery({
    queryKey: CORRECTIONS_KEY,
    queryFn: () => api.get<{ items: Correction[]; canSubmit: boolean }>('/api/v1/physician/qualification-corrections'),
  });
  return (
    // staff-contrast.css: the green and red status tags dark enough to read (WCAG 2.1 AA 1.4.3).
    <div className="staff-contrast">
      <PageHeader title="资格补改指南" description="如确认姓名及身份证号码无误，仍未验证到医师资格，可在此查看解决办法并申请资格补改。" />
      <Guide />
      <ProblemAlert error={error} />
      <Card size="small" title="我的资格补改申请" style={{ marginBottom: 16 }}>
        <Table<Correction>
          rowKey="id"
          size="small"
          loading={isPending}
          pagination={false}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无资格补改申请" /> }}
          columns={[
            { title: '提交时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
            { title: '申请原因', dataIndex: 'reason', ellipsis: true },
            { title: '附件', dataIndex: 'attachmentCount', width: 60 },
            { title: '受理部门', dataIndex: 'authorityName', width: 200 },
            { title: '办理状态', dataIndex: 'statusLabel', width: 130, render: (label: string, r) => <StatusTag label={label} color={STATUS_COLOR[r.status]} /> },
            { title: '办理意见', dataIndex: 'resolutionNote', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      {data?.items[0]?.status === 'resolved' && (
        <Typography.Paragraph>
          您的资格补改申请已办结，补录或修改后的资格信息请在<Link to="/physician/qualifications" style={{ textDecoration: 'underline' }}>「资格信息」</Link>中查看。如仍有问题，可再次提交申请。
        </Typography.Paragraph>
      )}
      {data?.items[0]?.status === 'rejected' && (
        <Typography.Paragraph>您的资格补改申请未予补改，理由见「办理意见」。补充材料后可再次提交申请。</Typography.Paragraph>
      )}
      {data?.canSubmit === false
        ? <Typography.Paragraph type="secondary">您有一条正在办理的资格补改申请，办理完毕前不能再次提交。</Typography.Paragraph>
        : data && <NewRequest onDone={async () => { await refreshPhysician(); }} />}
    </div>
  );
}
