/**
 * 核对提交 of a business on the generic path: the 审核表 rows old → new, the reason, the evidence, then 【提交】
 * (POST …/submit, version-checked with an idempotency key; the button waits while the request is pending, so a
 * double click submits once).
 */
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../../../components/problem-alert';
import { useSubmitApplication } from '../applications-api';
import type { BusinessApplication } from '../business-api';
import { AttachmentLinks } from './attachment-links';
import { reasonText } from './business-summary';
import { ReviewTable } from './review-table';

export function BusinessReviewStep({ app, onPrev }: { app: BusinessApplication; onPrev: () => void }) {
  const navigate = useNavigate();
  const submit = useSubmitApplication(app.id);
  const business = app.business!;
  const saved = business.review.length > 0;
  const reason = reasonText(app);
  const onSubmit = () => {
    if (submit.isPending) return;
    submit.mutate({ expectedVersion: app.version }, { onSuccess: (done) => navigate(`/physician/applications/${done.id}/submitted`, { replace: true }) });
  };
  return (
    <div className="business-review">
      <Typography.Paragraph>请核对以下申请事项。确认无误后点击【提交】，申请将提交给医疗机构确认，再由卫生健康行政部门审批。</Typography.Paragraph>
      {!saved && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="申请尚未填写完整" description="请返回上一步填写并点击【确认，下一步】保存。" />}
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} items={[
        { key: 'type', label: '业务', children: business.kindLabel ? `${business.label}（${business.kindLabel}）` : business.label },
        ...(reason ? [{ key: 'reason', label: business.type === 'certificate_reissue' ? '说明' : '申请理由', children: <span className="business-reason">{reason}</span> }] : []),
      ]} />
      <ReviewTable rows={business.review} />
      <AttachmentLinks applicationId={app.id} />
      <ProblemAlert error={submit.error} showFieldErrors style={{ marginTop: 16 }} />
      <Flex gap={12} className="application-step-buttons">
        <Button onClick={onPrev} disabled={submit.isPending}>上一步</Button>
        <Button type="primary" onClick={onSubmit} loading={submit.isPending} disabled={!saved || submit.isPending}>提交</Button>
      </Flex>
    </div>
  );
}
