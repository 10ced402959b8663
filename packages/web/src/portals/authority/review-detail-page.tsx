/**
 * 业务办理 — one application as the authority sees it: the data to check, the photo, the paper materials,
 * the history, and the decision buttons the server allows (【受理】【退回补正】【准予注册】【不予注册】).
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Flex, Result, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { businessTitle } from '../../api/business-view';
import { isApiError } from '../../api/client';
import { useApiErrorHandler } from '../../api/use-api-error';
import { ApplicantSection } from '../../components/application/applicant-section';
import { ApplicationTimeline } from '../../components/application/application-timeline';
import { CertificateButton } from '../../components/certificate/certificate-button';
import { BusinessChangeSection } from '../../components/application/business-change-section';
import { DetailSection } from '../../components/application/detail-section';
import { QualificationSection } from '../../components/application/qualification-section';
import { RegistrationSection } from '../../components/application/registration-section';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { DueDateText } from '../../components/due-date-text';
import { EMPTY, formatDate, formatDateTime } from '../../lib/format';
import { useAuthorityApplication, useMaterialsUpdate, type AuthorityApplication } from './authority-api';
import { DeadlineTag } from './deadline-tag';
import { AcceptDialog, ApproveDialog, CorrectionDialog, RefuseDialog, type DialogKind } from './decision-dialogs';
import { stateColor } from './state-color';
import { actionLabelFor } from '@medreg/domain';
import { noStatutoryClockLabel } from './statutory-clock';

const BUTTONS: Record<DialogKind, { label: string; type?: 'primary'; danger?: boolean }> = {
  accept: { label: '受理', type: 'primary' },
  request_correction: { label: '退回补正' },
  approve: { label: '准予注册', type: 'primary' },
  refuse: { label: '不予注册', danger: true },
};

/** The authority's dot colours: only its own decisions (and the returns) are coloured. */
function timelineColor(action: string): string {
  return action === 'refuse' || action.includes('return') || action === 'request_correction' ? 'red' : action === 'approve' ? 'green' : 'blue';
}

export function ReviewDetailPage() {
  const { id = '' } = useParams();
  const { data, error, isPending } = useAuthorityApplication(id);
  if (isPending) return <Spin className="full-page-spin" />;
  if (error || !data) {
    if (isApiError(error) && error.status === 404) {
      return <Result status="404" title="未找到该业务申请" subTitle="该业务不存在，或不在本部门辖区内。" />;
    }
    return <ProblemAlert error={error} />;
  }
  return <ApplicationView application={data} />;
}

function ApplicationView({ application: a }: { application: AuthorityApplication }) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const actions = a.allowedActions.map((x) => x.action).filter((x): x is DialogKind => x in BUTTONS);
  const close = () => setDialog(null);
  return (
    <div className="authority-detail staff-contrast">
      <PageHeader
        title={`${a.businessTypeLabel} · ${a.applicant.name}`}
        description={
          <span>
            {a.business?.kindLabel && <>{a.business.kindLabel} · </>}
            <span className="mono">业务编号：{a.businessCode ?? EMPTY}</span>
          </span>
        }
        breadcrumb={[{ title: '审批工作台', to: '/authority/reviews' }, { title: '业务办理' }]}
        extra={<StatusTag label={a.stateLabel} color={stateColor(a.state)} />}
      />

      <ClockBar application={a} />
      <Outcome application={a} />

      {!(a.canDecide && (a.state === 'approved' || a.state === 'refused')) && (
      <Card size="small" className="decision-bar" style={{ marginBottom: 16 }}>
        {a.canDecide ? (
          actions.length > 0 ? (
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>办理：</Typography.Text>
              {actions.map((action) => (
                <Button key={action} type={BUTTONS[action].type} danger={BUTTONS[action].danger} onClick={() => setDialog(action)}>
                  {action === 'approve' || action === 'refuse' ? actionLabelFor(action, a.businessType) : BUTTONS[action].label}
                </Button>
              ))}
              {a.nextStep && <Typography.Text type="secondary">{a.nextStep.text}</Typography.Text>}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{a.nextStep?.text || '当前没有可执行的操作。'}</Typography.Text>
          )
        ) : (
          <Typography.Text type="secondary">
            本业务由{a.authority?.name ?? '下级审批机关'}审批。上级卫生健康行政部门可以查看，但不能作出决定。
          </Typography.Text>
        )}
      </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ApplicantSection
            applicant={a.applicant}
            contact={a.contact}
            photoUrl={a.form.photoUrl}
            extraItems={a.activation?.pendingPath === 'auto_on_approval'
              ? [{ key: 'activation', label: '账户', span: 2, children: '未实施电子化注册地区的医师：准予注册后账户自动激活' }]
              : []}
          />
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
        </Col>

        <Col xs={24} xl={8}>
          <MaterialsCard application={a} />
          <ApplicationTimeline timeline={a.timeline} colorOf={timelineColor} />
        </Col>
      </Row>

      <AcceptDialog application={a} open={dialog === 'accept'} onClose={close} />
      <CorrectionDialog application={a} open={dialog === 'request_correction'} onClose={close} />
      <ApproveDialog application={a} open={dialog === 'approve'} onClose={close} />
      <RefuseDialog application={a} open={dialog === 'refuse'} onClose={close} />
    </div>
  );
}

/** The statutory clock: arrival, 受理, due date and working days left — or, for 备案 and 补发/换领, that none runs. */
function ClockBar({ application: a }: { application: AuthorityApplication }) {
  const noClock = noStatutoryClockLabel(a.businessType);
  return (
    <Descriptions
      className="clock-bar"
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'arrived', label: '机构确认时间', children: formatDateTime(a.institutionDecidedAt ?? a.submittedAt) },
        {
          key: 'accepted', label: '受理日期',
          children: a.deemedAcceptedOn ? `${formatDate(a.deemedAcceptedOn)}（${a.deemedAcceptanceLabel}）` : formatDate(a.acceptedOn),
        },
        { key: 'due', label: '法定办结日期', children: noClock ?? <DueDateText dueDate={a.dueDate} dueDateProvisional={a.dueDateProvisional} dueDateNote={a.dueDateNote} className={a.overdue ? 'text-danger' : undefined} /> },
        { key: 'left', label: '剩余工作日', children: a.state === 'accepted' && !noClock ? <DeadlineTag {...a} /> : EMPTY },
      ]}
    />
  );
}

/** What has been decided so far: the correction list, the registration, or the refusal with its document. */
function Outcome({ application: a }: { application: AuthorityApplication }) {
  if (a.state === 'returned_for_correction' && a.correctionItems?.length) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="已一次性告知申请人补正以下全部内容"
        description={<ol className="plain-list numbered">{a.correctionItems.map((item) => <li key={item}>{item}</li>)}</ol>}
      />
    );
  }
  if (a.state === 'approved' && a.registration) {
    return (
      <>
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title="已准予注册"
          description={<>医师执业证书编码 <Typography.Text strong copyable className="mono">{a.registration.licenceCode}</Typography.Text>，审核日期 {formatDate(a.registration.approvedOn)}。</>}
        />
        {/* 发证机关 views and prints the certificate it issued; only a registration in force (有效) has one. */}
        {a.registration.status === 'valid' && (
          <div style={{ marginBottom: 16 }}><CertificateButton registrationId={a.registration.id} /></div>
        )}
      </>
    );
  }
  if (a.state === 'approved' && a.business) {
    // A change that opened no new registration (变更执业范围, 多机构备案, 补发/换领 …): what was granted.
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={`已准予${a.business.label}`}
        description={`${businessTitle(a.business.label, a.business.kindLabel)}，决定时间 ${formatDateTime(a.decidedAt)}。`}
      />
    );
  }
  if (a.state === 'refused') {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title="已决定不予注册"
        description={
          <Space direction="vertical" size={4}>
            <div className="pre-line">理由：{a.decisionReasons}</div>
            {a.appealNotice && <Typography.Text type="secondary">{a.appealNotice}</Typography.Text>}
            {a.decisionDocument && (
              <a href={a.decisionDocument.url} target="_blank" rel="noreferrer">
                <FilePdfOutlined /> 《不予注册决定书》{a.decisionDocument.documentNo ?? ''}
              </a>
            )}
          </Space>
        }
      />
    );
  }
  return null;
}

/** 纸质材料 (seed 注册需要提交的材料 1–7), ticked as they arrive. */
function MaterialsCard({ application: a }: { application: AuthorityApplication }) {
  const update = useMaterialsUpdate(a);
  const showError = useApiErrorHandler();
  const received = a.materials.filter((m) => m.received).length;
  return (
    <DetailSection title={`纸质材料（已收 ${received}/${a.materials.length}）`}>
      <div className="vertical-checks materials-list">
        {a.materials.map((m) => (
          <Checkbox
            key={m.key}
            checked={m.received}
            disabled={!a.canEditMaterials || update.isPending}
            onChange={(e) => update.mutate({ [m.key]: e.target.checked }, { onError: (err) => showError(err) })}
          >
            {m.label}
          </Checkbox>
        ))}
      </div>
      {!a.canEditMaterials && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {a.canDecide ? '已作出决定或退回补正的业务不再登记材料。' : '只有审批机关可以登记材料。'}
        </Typography.Paragraph>
      )}
    </DetailSection>
  );
}
