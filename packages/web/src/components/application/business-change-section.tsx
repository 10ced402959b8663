import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Grid, Space, Table, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { RE_REGISTRATION_EVIDENCE_LABELS, SCOPE_EVIDENCE_LABELS, formatFileSize, getScope } from '@medreg/domain';
import { api } from '../../api/client';
import {
  businessReason, businessTitle, deciderBasisLabel, type BusinessView, type EvidenceFile, type ReviewRowView,
} from '../../api/business-view';
import { EMPTY, formatDate } from '../../lib/format';
import { ProblemAlert } from '../problem-alert';
import { DetailSection } from './detail-section';
import './application-data.css';
import './business-change.css';

/** 「同左」: the item stays as registered (as the printed 审核表 says it). */
const SAME = '同左';

const REVIEW_COLUMNS: TableColumnsType<ReviewRowView> = [
  { title: '项目', dataIndex: 'label', width: 112 },
  { title: '原注册信息', dataIndex: 'old', render: (v: string | null) => v ?? EMPTY },
  { title: '申请变更为', dataIndex: 'new', render: (_: unknown, r) => <NewValue row={r} /> },
];

/** The value applied for: in bold and marked 变更 (not by colour alone), or 同左. */
function NewValue({ row }: { row: ReviewRowView }) {
  return row.changed
    ? <Space size={6} wrap><Typography.Text strong>{row.new ?? EMPTY}</Typography.Text><span className="app-data-changed-mark">变更</span></Space>
    : <Typography.Text type="secondary">{SAME}</Typography.Text>;
}

/** On a phone the three columns do not fit: each item as a block, old above new. */
function ReviewList({ rows }: { rows: ReviewRowView[] }) {
  return (
    <ul className="app-data-review-list" aria-label="申请变更事项：原注册信息与申请变更为">
      {rows.map((r) => (
        <li key={r.field} className={r.changed ? 'app-data-review-row--changed' : undefined}>
          <Typography.Text strong>{r.label}</Typography.Text>
          <div><span className="app-data-review-term">原注册信息：</span>{r.old ?? EMPTY}</div>
          <div><span className="app-data-review-term">申请变更为：</span><NewValue row={r} /></div>
        </li>
      ))}
    </ul>
  );
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * 申请变更事项 of an application on the generic path: what is applied for and why, the 审核表 rows old → new (changed
 * rows marked), and who decides. 首次注册 shows 拟注册信息 instead (registration-section.tsx).
 */
export function BusinessChangeSection({ business: b, authorityName }: { business: BusinessView; authorityName: string | null }) {
  const wide = Grid.useBreakpoint().sm !== false;
  const reason = businessReason(b);
  const basis = deciderBasisLabel(b);
  const department = text(b.form.department);
  const startDate = text(b.form.startDate);
  const items: DescriptionsProps['items'] = [
    { key: 'type', label: '业务类型', span: 2, children: businessTitle(b.label, b.kindLabel) },
    ...(department ? [{ key: 'department', label: '科室', children: department }] : []),
    ...(startDate ? [{ key: 'start', label: '拟在该机构执业时间', children: formatDate(startDate) }] : []),
    ...(reason ? [{ key: 'reason', label: '申请理由', span: 2, children: <span className="app-data-pre-line">{reason}</span> }] : []),
    {
      key: 'authority', label: '审批机关', span: 2,
      children: (
        <div>
          <div>{authorityName ?? EMPTY}</div>
          {basis && <Typography.Text type="secondary" className="app-data-small">由{basis}审批</Typography.Text>}
        </div>
      ),
    },
  ];
  return (
    <DetailSection title="申请变更事项">
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} layout={wide ? 'horizontal' : 'vertical'} items={items} style={{ marginBottom: 12 }} />
      {wide ? (
        <Table<ReviewRowView>
          className="app-data-review"
          rowKey="field"
          size="small"
          bordered
          pagination={false}
          tableLayout="fixed"
          columns={REVIEW_COLUMNS}
          dataSource={b.review}
          rowClassName={(r) => (r.changed ? 'app-data-review-row--changed' : '')}
          locale={{ emptyText: '没有变更事项' }}
          aria-label="申请变更事项：原注册信息与申请变更为"
        />
      ) : <ReviewList rows={b.review} />}
      <EvidenceList business={b} />
    </DetailSection>
  );
}

interface EvidenceItem { scope?: string; kind?: string; issuer?: string; issuedOn?: string; trainingMonths?: number; fileSha256?: string }

/** 重新注册: the 考核合格证明 and the 培训合格证明 (re-registration-evidence.ts), each with its file. */
function reRegistrationFacts(b: BusinessView, file: EvidenceFile): string | null {
  const a = b.form.assessment as { assessedBy?: string; passedOn?: string; fileSha256?: string } | undefined;
  const t = b.form.training as { institution?: string; from?: string; to?: string; fileSha256?: string } | undefined;
  if (a?.fileSha256 === file.fileSha256) return `${RE_REGISTRATION_EVIDENCE_LABELS.assessment}，${a.assessedBy ?? ''}，${a.passedOn ?? ''} 考核合格`;
  if (t?.fileSha256 === file.fileSha256) return `${RE_REGISTRATION_EVIDENCE_LABELS.training}，${t.institution ?? ''}，培训期间 ${t.from ?? ''} 至 ${t.to ?? ''}`;
  return null;
}

/** What the form says a file proves (变更执业范围: the scope, the kind of document, issuer, date, length of training). */
function evidenceFacts(b: BusinessView, file: EvidenceFile): string | null {
  const evidence = Array.isArray(b.form.evidence) ? (b.form.evidence as EvidenceItem[]) : [];
  const e = evidence.find((x) => x.fileSha256 === file.fileSha256);
  if (!e) return reRegistrationFacts(b, file);
  return [
    e.scope ? getScope(e.scope)?.name ?? e.scope : undefined,
    e.kind && e.kind in SCOPE_EVIDENCE_LABELS ? SCOPE_EVIDENCE_LABELS[e.kind as keyof typeof SCOPE_EVIDENCE_LABELS] : undefined,
    e.issuer,
    e.issuedOn ? `${e.issuedOn} 发证` : undefined,
    e.trainingMonths ? `培训 ${e.trainingMonths} 个月` : undefined,
  ].filter(Boolean).join('，');
}

/** 证明材料: the files the physician uploaded, as downloads. */
function EvidenceList({ business: b }: { business: BusinessView }) {
  const { data, error, isPending } = useQuery({
    queryKey: ['application-attachments', b.attachmentsUrl],
    queryFn: ({ signal }) => api.get<{ items: EvidenceFile[] }>(b.attachmentsUrl, { signal }),
  });
  if (error) return <ProblemAlert error={error} style={{ marginTop: 12 }} />;
  if (isPending || data.items.length === 0) return null;
  return (
    <div className="app-data-evidence">
      <Typography.Text strong>证明材料</Typography.Text>
      <ul>
        {data.items.map((f) => {
          const facts = evidenceFacts(b, f);
          return (
            <li key={f.id}>
              <Typography.Link href={f.url} download>
                <PaperClipOutlined /> {f.filename}
              </Typography.Link>
              <Typography.Text type="secondary" className="app-data-small">（{formatFileSize(f.sizeBytes)}）</Typography.Text>
              {facts && <div className="app-data-small">{facts}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
