/**
 * 办理业务 — the审核窗口 of seed 第四步: the application's data, photo and history; 【打印预览】; and the
 * buttons the server allows now (【同意】【退回修改】【不同意】, 补正后重新提交).
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { businessDeclarations, businessTitle } from '../../api/business-view';
import { ApplicantSection } from '../../components/application/applicant-section';
import { ApplicationTimeline } from '../../components/application/application-timeline';
import { BusinessChangeSection } from '../../components/application/business-change-section';
import { DeclarationsSection } from '../../components/application/declarations-section';
import { QualificationSection } from '../../components/application/qualification-section';
import { RegistrationSection } from '../../components/application/registration-section';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { DueDateText } from '../../components/due-date-text';
import { EMPTY, formatDateTime } from '../../lib/format';
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
  // 首次注册 always carries the 申请人承诺; on the generic path only the forms that have them (增加执业地点, 助理升执业).
  const declarations = a.business ? businessDeclarations(a.business) : a.form.declarations;
  return (
    <div className="inst-detail staff-contrast">
      <PageHeader
        title={`办理业务 · ${a.applicant.name}`}
        description={<span>{businessTitle(a.businessTypeLabel, a.business?.kindLabel)} · 业务编号 <span className="inst-mono">{a.businessCode ?? EMPTY}</span></span>}
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
          ...(a.dueDate ? [{ key: 'due', label: '法定办结日期', children: <DueDateText dueDate={a.dueDate} dueDateProvisional={a.dueDateProvisional} dueDateNote={a.dueDateNote} /> }] : []),
        ]}
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ApplicantSection applicant={a.applicant} contact={a.applicant} photoUrl={a.form.photoUrl} />
          {a.business ? (
            // A change of a registration: what changes, old → new; the qualification only where the change relies on one.
            <>
              <BusinessChangeSection business={a.business} authorityName={a.authority?.name ?? null} />
              {a.qualification && <QualificationSection qualification={a.qualification} />}
            </>
          ) : (
            <>
              <QualificationSection qualification={a.qualification} />
              <RegistrationSection application={a} />
            </>
          )}
          {declarations && <DeclarationsSection declarations={declarations} />}
        </Col>

        <Col xs={24} xl={8}>
          <ApplicationTimeline timeline={a.timeline} reasonClassName="inst-timeline-reason" />
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
