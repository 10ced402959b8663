import { CheckCircleFilled, CloseCircleFilled, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, errorDetail, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { formatDate, formatDateTime } from '../../lib/format';
import type { VerifiedCertificate, VerifyResult, VerifyState } from './api';
import { RegistrationDetails } from './registration-details';
import './public.css';

/** How a verdict looks: green only for 有效; amber for a replaced certificate (real, but not the one to rely on); red otherwise. */
const TONE = {
  valid: 'valid',
  superseded: 'superseded',
  voided: 'invalid',
  registration_not_valid: 'invalid',
} as const satisfies Record<VerifyState, string>;

const ICON = {
  valid: <CheckCircleFilled />,
  superseded: <SwapOutlined />,
  invalid: <CloseCircleFilled />,
} as const satisfies Record<(typeof TONE)[VerifyState], ReactNode>;

/**
 * 电子化医师执业证书核验 (/public/verify/:token): the page the certificate's QR code opens. It says what THIS
 * certificate is NOW — 有效 only for the current certificate of a valid registration; a replaced one says 已换发 and
 * which certificate to rely on; a voided one 已废止; otherwise the registration's status. Built for a phone first.
 */
export function VerifyPage() {
  const { token = '' } = useParams();
  const query = useQuery({
    queryKey: ['register', 'verify', token],
    queryFn: () => api.get<VerifyResult>(`/api/v1/register/certificates/${encodeURIComponent(token)}`),
    retry: false,
  });

  return (
    <div className="verify-page">
      <PageHeader title="电子化医师执业证书核验" description="扫描证书二维码打开本页，核验结果以本页显示为准。" />
      {query.isPending && (
        <Spin description="正在核验…" size="large">
          <div style={{ height: 160 }} />
        </Spin>
      )}
      {query.error && <VerifyError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <VerifyOutcome result={query.data} />}
    </div>
  );
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const tone = TONE[result.state];
  return (
    <>
      <div className={`verify-verdict verify-verdict--${tone}`} role="status" data-verdict={result.verdict} data-state={result.state}>
        <span className="verify-verdict__icon" aria-hidden>{ICON[tone]}</span>
        <div>
          <div className="verify-verdict__word">{result.verdict}</div>
          <div className="verify-verdict__reason">{result.reason}</div>
        </div>
      </div>
      {result.replacedBy && <Replacement certificate={result.replacedBy} />}
      <section className="verify-section" aria-labelledby="verify-certificate">
        <Typography.Title level={4} id="verify-certificate">本证书</Typography.Title>
        <CertificateDetails certificate={result.certificate} current={result.valid} />
      </section>
      <section className="verify-section" aria-labelledby="verify-registration">
        <Typography.Title level={4} id="verify-registration">
          {result.registrationOf === 'replacement' ? '医师当前执业注册信息（新证书）' : '执业注册信息'}
        </Typography.Title>
        <RegistrationDetails registration={result.registration} />
      </section>
      <p className="verify-footnote">
        核验时间：{formatDateTime(result.checkedAt)}（北京时间）。本页仅显示依法公开的执业注册信息。
      </p>
    </>
  );
}

/** 请以新证书为准: the certificate that replaced this one, its number large enough to compare with the paper. */
function Replacement({ certificate: c }: { certificate: NonNullable<VerifyResult['replacedBy']> }) {
  return (
    <section className="verify-replacement" aria-labelledby="verify-replacement">
      <Typography.Title level={4} id="verify-replacement" className="verify-replacement__title">请以新证书为准</Typography.Title>
      <div className="verify-replacement__label">新证书执业证书编码</div>
      <div className="verify-replacement__code licence-code">{c.licenceCode ?? '—'}</div>
      <div className="verify-replacement__meta">
        核发日期 {formatDate(c.issuedOn)}
        <span className="verify-replacement__status">
          <StatusTag label={c.valid ? '有效' : c.verdict} color={c.valid ? 'success' : 'error'} />
        </span>
      </div>
    </section>
  );
}

/** `current`: the registration's current certificate of a valid registration (only then green). */
function CertificateDetails({ certificate: c, current }: { certificate: VerifiedCertificate; current: boolean }) {
  const color = current ? 'success' : c.status === 'superseded' ? 'warning' : 'error';
  return (
    <Descriptions
      bordered
      size="middle"
      column={1}
      className="certificate-details"
      items={[
        { key: 'code', label: '执业证书编码', children: <span className="licence-code">{c.licenceCode ?? '—'}</span> },
        { key: 'issued', label: '核发日期', children: formatDate(c.issuedOn) },
        {
          key: 'status',
          label: '证书状态',
          children: (
            <>
              <StatusTag label={c.statusLabel} color={color} />
              {c.statusSince && <span className="status-since">自 {formatDate(c.statusSince)} 起</span>}
            </>
          ),
        },
      ]}
    />
  );
}

function VerifyError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const notFound = isApiError(error) && (error.code === 'CERTIFICATE_NOT_FOUND' || error.status === 400);
  if (notFound) {
    return (
      <Result
        status="warning"
        title="未查询到该证书"
        subTitle="请确认扫描的是医师执业证书上的二维码，且二维码完整、清晰。该证书可能不是由本系统签发。"
        extra={<ButtonLink to="/public/search">按姓名查询医师执业注册信息</ButtonLink>}
      />
    );
  }
  return (
    <Result
      status="error"
      title={isApiError(error) && error.status === 429 ? '核验过于频繁' : '暂时无法核验'}
      subTitle={errorDetail(error)}
      extra={<Button onClick={onRetry}>重试</Button>}
    />
  );
}
