/** The steps of a business form (antd Steps), the current one from `?step=` so a reload stays where it was. */
import { Steps } from 'antd';

export function BusinessSteps({ titles, current, onChange }: { titles: string[]; current: number; onChange: (n: number) => void }) {
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      responsive={false}
      current={current}
      onChange={(n) => { if (n < current) onChange(n); }}
      className="application-steps business-steps"
      items={titles.map((title, i) => ({ title, disabled: i > current }))}
    />
  );
}
