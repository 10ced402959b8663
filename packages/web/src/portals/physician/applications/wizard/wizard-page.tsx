/**
 * 首次注册 (/physician/applications/new/:id?step=n): one antd Step per group of fields, each saved as a draft
 * when the physician goes on (【确认，下一步】), then the review step with 【提交】. Also used to change the
 * application after 机构退回修改.
 */
import { Alert, Result, Spin, Steps } from 'antd';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { ButtonLink } from '../../../../components/button-link';
import { PageHeader } from '../../../../components/page-header';
import { ProblemAlert } from '../../../../components/problem-alert';
import { useApplication } from '../applications-api';
import { asBusiness } from '../business-api';
import '../applications.css';
import { InstitutionStep, LocationStep } from './steps-place';
import { PracticeStep, ScopeStep } from './steps-registration';
import { DeclarationsStep, EducationStep, PhotoStep } from './steps-personal';
import { ReviewStep } from './review-step';

const STEPS = [
  { title: '执业地点', Component: LocationStep },
  { title: '主要执业机构', Component: InstitutionStep },
  { title: '执业类别与范围', Component: ScopeStep },
  { title: '执业时间与科室', Component: PracticeStep },
  { title: '学历与任职资格', Component: EducationStep },
  { title: '照片', Component: PhotoStep },
  { title: '申请人承诺', Component: DeclarationsStep },
] as const;
const REVIEW = STEPS.length;

export function FirstRegistrationWizardPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: app, error, isPending } = useApplication(id);
  const raw = Number(params.get('step') ?? '0');
  const step = Number.isInteger(raw) && raw >= 0 && raw <= REVIEW ? raw : 0;
  const goTo = (n: number) => {
    setParams({ step: String(n) });
    window.scrollTo({ top: 0 });
  };

  if (isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !app) {
    return (
      <>
        <PageHeader title="首次注册" breadcrumb={[{ title: '业务进度', to: '/physician/applications' }, { title: '首次注册' }]} />
        <ProblemAlert error={error} />
      </>
    );
  }
  // 变更注册、助理升执业 …: the business form of the generic path.
  if (asBusiness(app).business) return <Navigate to={`/physician/applications/new/business/${app.id}`} replace />;
  if (!app.editable) {
    // Not a redirect: right after 【提交】 the review step itself moves on to the 提交成功 page.
    return (
      <Result
        status="info"
        title={`该申请当前状态为「${app.stateLabel}」，不能修改`}
        extra={<ButtonLink type="primary" to={`/physician/applications/${app.id}`}>查看业务进度</ButtonLink>}
      />
    );
  }
  // 注册: 首次注册, or 增加执业地点注册 for a physician from a region without e-registration (seed question 六).
  if (app.businessType !== 'first_registration' && app.businessType !== 'additional_registration') {
    return <Result status="info" title="该业务暂未开放在线填写" extra={<ButtonLink to="/physician/applications">返回业务进度</ButtonLink>} />;
  }

  const Current = step < REVIEW ? STEPS[step]!.Component : null;
  return (
    <>
      <PageHeader
        title={`${app.businessTypeLabel}申请（${app.levelLabel ?? ''}）`}
        description="如实填写各项信息，每一步点击【确认，下一步】即保存为草稿，可随时离开后在「业务进度」中继续填写。"
        breadcrumb={[{ title: '业务申请', to: '/physician/applications/new' }, { title: '首次注册' }]}
      />
      {app.state === 'returned_by_institution' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="机构退回修改" description={app.nextStep.text} />
      )}
      <Steps
        size="small"
        titlePlacement="vertical"
        current={step}
        onChange={goTo}
        className="application-steps"
        items={[...STEPS.map((s) => ({ title: s.title })), { title: '核对提交' }]}
      />
      <div className="application-step-body">
        {Current
          ? <Current key={`${step}`} app={app} onNext={() => goTo(step + 1)} onPrev={step > 0 ? () => goTo(step - 1) : undefined} />
          : <ReviewStep app={app} onPrev={() => goTo(REVIEW - 1)} goTo={goTo} />}
      </div>
    </>
  );
}
