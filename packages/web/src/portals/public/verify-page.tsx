import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useParams } from 'react-router';
import { api, errorDetail, isApiError } from '../../api/client';
import { ButtonLink } from '../../components/button-link';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import type { VerifyResult } from './api';
import { RegistrationDetails } from './registration-details';
import './public.css';

/**
 * 电子化医师执业证书核验 (/public/verify/:token): the page the certificate's QR code opens. It shows whether the
 * certificate is valid NOW — 有效 only while the registration is valid.
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
  const valid = result.valid;
  return (
    <>
      <div className={`verify-verdict verify-verdict--${valid ? 'valid' : 'invalid'}`} role="status" data-verdict={result.verdict}>
        <span className="verify-verdict__icon" aria-hidden>{valid ? <CheckCircleFilled /> : <CloseCircleFilled />}</span>
        <div>
          <div className="verify-verdict__word">{result.verdict}</div>
          <div className="verify-verdict__reason">{result.reason}</div>
        </div>
      </div>
      <RegistrationDetails registration={result.registration} />
      <p className="verify-footnote">
        核验时间：{formatDateTime(result.checkedAt)}（北京时间）。本页仅显示依法公开的执业注册信息。
      </p>
    </>
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
