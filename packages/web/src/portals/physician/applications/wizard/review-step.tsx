/** The last step: every field read-only, what is still missing, and 【提交】. */
import { Alert, Button, Flex, Typography } from 'antd';
import { FirstRegistrationSubmission } from '@medreg/domain';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../../api/client';
import { ProblemAlert } from '../../../../components/problem-alert';
import { useSubmitApplication, type ApplicationDetail } from '../applications-api';
import { ApplicationSummary, STEP_OF_FIELD } from '../parts/application-summary';

const STEP_TITLES = ['执业地点', '主要执业机构', '执业类别与范围', '执业时间与科室', '学历与任职资格', '照片', '申请人承诺'];

function missingSteps(app: ApplicationDetail, serverPaths: (string | number)[][]): { step: number; messages: string[] }[] {
  const parsed = FirstRegistrationSubmission.safeParse({ education: {}, declarations: {}, ...app.payload });
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))),
    ...serverPaths.map((path) => ({ path, message: '' })),
  ];
  const byStep = new Map<number, Set<string>>();
  for (const i of issues) {
    const step = STEP_OF_FIELD[String(i.path[0])];
    if (step === undefined) continue;
    const set = byStep.get(step) ?? new Set<string>();
    if (i.message) set.add(i.message);
    byStep.set(step, set);
  }
  return [...byStep.entries()].sort((a, b) => a[0] - b[0]).map(([step, messages]) => ({ step, messages: [...messages] }));
}

export function ReviewStep({ app, onPrev, goTo }: { app: ApplicationDetail; onPrev: () => void; goTo: (step: number) => void }) {
  const navigate = useNavigate();
  const submit = useSubmitApplication(app.id);
  const serverPaths = isApiError(submit.error) ? submit.error.errors.map((e) => e.path) : [];
  const missing = missingSteps(app, serverPaths);
  const onSubmit = () => submit.mutate({ expectedVersion: app.version }, { onSuccess: (done) => navigate(`/physician/applications/${done.id}/submitted`, { replace: true }) });
  return (
    <>
      <Typography.Paragraph>请核对以下信息。确认无误后点击【提交】，申请将提交给主要执业机构确认。</Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下信息尚未填写完整"
          description={
            <ul className="application-missing">
              {missing.map((m) => (
                <li key={m.step}>
                  <Button type="link" size="small" onClick={() => goTo(m.step)} style={{ padding: 0 }}>{STEP_TITLES[m.step]}</Button>
                  {m.messages.length > 0 && `：${m.messages.join('；')}`}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <ProblemAlert error={submit.error} showFieldErrors style={{ marginBottom: 16 }} />
      <ApplicationSummary app={app} onEdit={goTo} />
      <Flex gap={12} className="application-step-buttons">
        <Button onClick={onPrev}>上一步</Button>
        <Button type="primary" onClick={onSubmit} loading={submit.isPending} disabled={missing.length > 0 && serverPaths.length === 0}>提交</Button>
      </Flex>
    </>
  );
}
