/**
 * A business on the generic path (/physician/applications/new/business/:id?step=n): 增加执业地点注册, 变更注册,
 * 助理升执业, 多机构备案, 补发/换领, 重新注册 — each its own form built from the domain's zod form and labels, in three
 * steps (the record it starts from → 填写申请 → 核对提交). Also used to change the application after 机构退回修改.
 */
import { Alert, Result, Spin } from 'antd';
import type { ComponentType } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { ButtonLink } from '../../../../components/button-link';
import { PageHeader } from '../../../../components/page-header';
import { ProblemAlert } from '../../../../components/problem-alert';
import { useApplication } from '../applications-api';
import { asBusiness, useBusinessOptions } from '../business-api';
import '../applications.css';
import './business.css';
import { AdditionalRegistrationBusinessForm } from './additional-registration-form';
import { AssistantUpgradeBusinessForm } from './assistant-upgrade-form';
import { CancellationBusinessForm } from './cancellation-form';
import { CertificateReissueBusinessForm } from './certificate-reissue-form';
import { ChangeRegistrationBusinessForm } from './change-registration-form';
import { MultiSiteFilingBusinessForm } from './multi-site-filing-form';
import { ReRegistrationBusinessForm } from './re-registration-form';
import type { BusinessFormProps } from './types';

const FORMS: Record<string, ComponentType<BusinessFormProps>> = {
  additional_registration: AdditionalRegistrationBusinessForm,
  change_registration: ChangeRegistrationBusinessForm,
  assistant_upgrade: AssistantUpgradeBusinessForm,
  multi_site_filing: MultiSiteFilingBusinessForm,
  certificate_reissue: CertificateReissueBusinessForm,
  re_registration: ReRegistrationBusinessForm,
  cancellation: CancellationBusinessForm,
};

export function BusinessFormPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useApplication(id);
  const options = useBusinessOptions();
  const raw = Number(params.get('step') ?? '0');
  const step = Number.isInteger(raw) && raw >= 0 && raw <= 2 ? raw : 0;
  const goTo = (n: number, extra: Record<string, string> = {}) => {
    setParams({ step: String(n), ...extra });
    window.scrollTo({ top: 0 });
  };

  if (query.isPending || options.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const app = query.data ? asBusiness(query.data) : undefined;
  if (query.error || options.error || !app || !options.data) {
    return (
      <>
        <PageHeader title="业务申请" breadcrumb={[{ title: '业务进度', to: '/physician/applications' }, { title: '业务申请' }]} />
        <ProblemAlert error={query.error ?? options.error} />
      </>
    );
  }
  if (!app.business) return <Navigate to={`/physician/applications/new/${app.id}`} replace />;
  if (!app.editable) {
    return (
      <Result status="info" title={`该申请当前状态为「${app.stateLabel}」，不能修改`}
        extra={<ButtonLink type="primary" to={`/physician/applications/${app.id}`}>查看业务进度</ButtonLink>} />
    );
  }
  const Form = FORMS[app.businessType];
  if (!Form) return <Result status="info" title="该业务暂未开放在线填写" extra={<ButtonLink to="/physician/applications">返回业务进度</ButtonLink>} />;
  const title = app.business.kindLabel ? `${app.business.label}（${app.business.kindLabel}）` : app.business.label;
  return (
    <>
      <PageHeader
        title={`${app.business.label}申请`}
        description="每一步点击【确认，下一步】即保存，可随时离开后在「业务进度」中继续填写。"
        breadcrumb={[{ title: '业务申请', to: '/physician/applications/new' }, { title }]}
      />
      {app.state === 'returned_by_institution' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="机构退回修改" description={app.nextStep.text} />
      )}
      <Form app={app} options={options.data} step={step} goTo={goTo} params={params} />
    </>
  );
}
