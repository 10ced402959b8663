/**
 * 办理业务 — the审核窗口 of seed 第四步: the application's data, photo and history; 【打印预览】; and the
 * buttons the server allows now (【同意】【退回修改】【不同意】, 补正后重新提交).
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Image, Result, Row, Spin, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDate, formatDateTime } from '../../lib/format';
import { DecisionDialog, PrintPreview } from './decision-dialogs';
import { DECISION_PATHS, useInstitutionApplication, type InstitutionApplication, type InstitutionDecision } from './institution-api';
import { stateColor, toneColor } from './review-tone';
import './institution.css';

const BUTTONS: Record<InstitutionDecision, { label: string; type?: 'primary'; danger?: boolean }> = {
  institution_approve: { label: '同意', type: 'primary' },
  institution_return: { label: '退回修改' },
  institution_refuse: { label: '不同意', danger: true },
  resubmit_correction: { label: '补正后重新提交', type: 'primary' },
};

function isDecision(action: string): action is InstitutionDecision {
  return action in DECISION_PATHS;
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const { data, error, isPending } = useInstitutionApplication(id);
  if (isPending) return <Spin className="full-page-spin" />;
  if (error || !data) {
    if (isApiError(error) && (error.status === 404 || error.code === 'VALIDATION_FAILED')) {
      return <Result status="404" title="未找到该业务申请" subTitle="该业务不存在，或不是向本机构提出的申请。" />;
    }
    return <ProblemAlert error={error} />;
  }
  return <ApplicationView application={data} />;
}

function ApplicationView({ application: a }: { application: InstitutionApplication }) {
  const [dialog, setDialog] = useState<InstitutionDecision | null>(null);
  const [preview, setPreview] = useState(false);
  const actions = a.allowedActions.map((x) => x.action).filter(isDecision);
  return (
    <div className="inst-detail">
      <PageHeader
        title={`办理业务 · ${a.applicant.name}`}
        description={<span>{a.businessTypeLabel} · 业务编号 <span className="inst-mono">{a.businessCode ?? EMPTY}</span></span>}
        breadcrumb={[{ title: '医师申请业务办理', to: '/institution/applications' }, { title: '办理业务' }]}
        extra={<StatusTag label={a.stateLabel} color={stateColor(a.state)} />}
      />

      <Card size="small" className="inst-decision-bar">
        <Flex gap={12} align="center" wrap>
          <Button icon={<FilePdfOutlined />} onClick={() => setPreview(true)} disabled={!a.businessCode}>打印预览</Button>
          {actions.map((action) => (
            <Button key={action} type={BUTTONS[action].type} danger={BUTTONS[action].danger} onClick={() => setDialog(action)}>
              {BUTTONS[action].label}
            </Button>
          ))}
          {a.nextStep && <Typography.Text type="secondary">{a.nextStep.text}</Typography.Text>}
        </Flex>
        {a.nextStep?.items && a.nextStep.items.length > 0 && (
          <ul className="inst-plain-list" style={{ marginTop: 8 }}>{a.nextStep.items.map((item) => <li key={item}>{item}</li>)}</ul>
        )}
      </Card>

      <Outcome application={a} />

      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'submitted', label: '申请日期', children: formatDateTime(a.submittedAt) },
          { key: 'institution', label: '机构审核状态', children: <StatusTag label={a.institutionReview.label} color={toneColor(a.institutionReview)} /> },
          { key: 'authority', label: '行政部门审核状态', children: a.authorityReview.label === '—' ? EMPTY : <StatusTag label={a.authorityReview.label} color={toneColor(a.authorityReview)} /> },
          { key: 'authorityName', label: '审批机关', children: a.authority?.name ?? EMPTY },
        ]}
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Section title="申请人信息">
            <Flex gap={16} align="flex-start" wrap>
              <Descriptions
                style={{ flex: 1, minWidth: 320 }}
                size="small"
                bordered
                column={2}
                items={[
                  { key: 'name', label: '姓名', children: a.applicant.name },
                  { key: 'sex', label: '性别', children: a.applicant.sexLabel },
                  { key: 'idNumber', label: '身份证号', children: <span className="inst-mono">{a.applicant.idNumber}</span> },
                  { key: 'birth', label: '出生日期', children: formatDate(a.applicant.birthDate) },
                  { key: 'phone', label: '手机号', children: a.applicant.phone ?? EMPTY },
                  { key: 'email', label: '电子邮箱', children: a.applicant.email ?? EMPTY },
                ]}
              />
              <div className="inst-photo">
                {a.form.photoUrl
                  ? <Image src={a.form.photoUrl} alt="申请人照片" width={120} height={160} style={{ objectFit: 'cover' }} />
                  : <Empty description="无照片" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </div>
            </Flex>
          </Section>

          <Section title="资格信息">
            {a.qualification ? (
              <Descriptions
                size="small"
                bordered
                column={2}
                items={[
                  { key: 'cert', label: '资格证书编码', span: 2, children: <span className="inst-mono">{a.qualification.certCode ?? '（尚未发证）'}</span> },
                  { key: 'level', label: '资格级别', children: a.qualification.levelLabel },
                  { key: 'category', label: '资格类别', children: a.qualification.categoryLabel },
                  { key: 'ticket', label: '准考证号', children: a.qualification.admissionTicketNo ?? EMPTY },
                  { key: 'date', label: '取得资格日期', children: formatDate(a.qualification.obtainedDate) },
                ]}
              />
            ) : <Typography.Text type="secondary">申请未关联资格记录。</Typography.Text>}
          </Section>

          <Section title="拟注册信息">
            <Descriptions
              size="small"
              bordered
              column={2}
              items={[
                { key: 'location', label: '执业地点', children: a.form.practiceLocation?.name ?? EMPTY },
                { key: 'institution', label: '主要执业机构', children: a.form.institution?.name ?? EMPTY },
                { key: 'level', label: '执业级别', children: a.levelLabel ?? EMPTY },
                { key: 'category', label: '执业类别', children: a.form.categoryLabel ?? EMPTY },
                { key: 'scopes', label: '执业范围', span: 2, children: a.form.scopes.map((s) => s.label).join('、') || EMPTY },
                { key: 'department', label: '科室', children: a.form.department ?? EMPTY },
                { key: 'start', label: '拟在该机构执业时间', children: formatDate(a.form.startDate) },
                { key: 'title', label: '任职资格', children: a.form.title ?? EMPTY },
                { key: 'education', label: '学历', children: [a.form.education?.education, a.form.education?.degree].filter(Boolean).join(' / ') || EMPTY },
                {
                  key: 'school', label: '毕业院校及专业', span: 2,
                  children: [a.form.education?.school, a.form.education?.major, a.form.education?.graduationDate && `${a.form.education.graduationDate} 毕业`].filter(Boolean).join('，') || EMPTY,
                },
              ]}
            />
          </Section>

          <Section title="申请人承诺">
            <ul className="inst-check-list">
              {a.form.declarations.map((d) => (
                <li key={d.key}>
                  <Typography.Text type={d.accepted ? undefined : 'danger'}>{d.accepted ? '☑' : '☐'} {d.text}</Typography.Text>
                </li>
              ))}
            </ul>
          </Section>
        </Col>

        <Col xs={24} xl={8}>
          <Section title="办理记录">
            {a.timeline.length > 0 ? (
              <Timeline
                items={a.timeline.map((e) => ({
                  key: e.id,
                  color: /refuse|return|correction/.test(e.action) ? 'red' : /approve/.test(e.action) ? 'green' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>{e.actionLabel}</Typography.Text>
                      {e.stateLabel && <Typography.Text type="secondary"> → {e.stateLabel}</Typography.Text>}
                      <div className="inst-timeline-meta">{formatDateTime(e.at)} · {e.actor.organization ?? e.actor.roleLabel}</div>
                      {e.reason && <div className="inst-timeline-reason">{e.reason}</div>}
                    </div>
                  ),
                }))}
              />
            ) : <Typography.Text type="secondary">暂无记录</Typography.Text>}
          </Section>
        </Col>
      </Row>

      <DecisionDialog application={a} action={dialog} onClose={() => setDialog(null)} />
      <PrintPreview application={a} open={preview} onClose={() => setPreview(false)} />
    </div>
  );
}

/** The reasons of a refusal or the items of a correction request, where they matter. */
function Outcome({ application: a }: { application: InstitutionApplication }) {
  if ((a.state === 'refused_by_institution' || a.state === 'refused') && a.decisionReasons) {
    return <Alert type="error" showIcon style={{ marginBottom: 16 }} title={a.state === 'refused' ? '不予注册理由' : '本机构不同意的理由'} description={<span style={{ whiteSpace: 'pre-line' }}>{a.decisionReasons}</span>} />;
  }
  if (a.state === 'returned_for_correction' && a.correctionItems?.length) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="卫生健康行政部门要求补正以下内容"
        description={<ul className="inst-plain-list">{a.correctionItems.map((i) => <li key={i}>{i}</li>)}</ul>}
      />
    );
  }
  return null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
