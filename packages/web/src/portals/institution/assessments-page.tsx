/** 「定期考核」 for the institution (《医师执业注册管理办法》第十一条: the main institution updates its physicians' results). */
import { PageHeader } from '../../components/page-header';
import { AssessmentResultsView } from '../../components/supervision/assessment-results-view';

export function InstitutionAssessmentsPage() {
  return (
    <>
      <PageHeader title="定期考核" description="登记或导入本机构医师的定期考核结果（三年一个周期）。" />
      <AssessmentResultsView portal="institution" />
    </>
  );
}
