import { Card, Typography } from 'antd';
import type { NextStep } from '../applications-api';

/** 「下一步」: what the physician does next, in the server's words, with its list (materials, correction items…). */
export function NextStepCard({ step }: { step: NextStep }) {
  return (
    <Card size="small" className="application-next-step" title={`下一步：${step.title}`}>
      <Typography.Paragraph style={{ margin: 0 }}>{step.text}</Typography.Paragraph>
      {step.items && step.items.length > 0 && (
        <ol>{step.items.map((item) => <li key={item}>{item}</li>)}</ol>
      )}
      {step.notice && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{step.notice}</Typography.Paragraph>}
    </Card>
  );
}
