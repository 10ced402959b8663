/** 提交成功 (/physician/applications/:id/submitted): the 业务编号 and what to do next. */
import { Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { ButtonLink } from '../../../components/button-link';
import { useDocumentTitle } from '../../../components/page-header';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../lib/format';
import { useApplication } from './applications-api';
import './applications.css';
import { NextStepCard } from './parts/next-step-card';

export function SubmittedPage() {
  const { id = '' } = useParams();
  const { data: app, error, isPending } = useApplication(id);
  useDocumentTitle('提交成功');
  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !app) return <ProblemAlert error={error} />;
  return (
    <Result
      status="success"
      title={`${app.businessTypeLabel}申请已提交`}
      subTitle={
        <>
          <div>业务编号</div>
          <Typography.Text copyable className="application-business-code">{app.businessCode}</Typography.Text>
          <div style={{ marginTop: 4 }}>提交时间：{formatDateTime(app.submittedAt)}，当前状态：{app.stateLabel}</div>
        </>
      }
      extra={[
        <ButtonLink key="detail" type="primary" to={`/physician/applications/${app.id}`}>查看业务进度</ButtonLink>,
        <ButtonLink key="home" to="/physician">返回系统首页</ButtonLink>,
      ]}
    >
      <div style={{ maxWidth: 640, margin: '0 auto', textAlign: 'left' }}>
        <NextStepCard step={app.nextStep} />
      </div>
    </Result>
  );
}
