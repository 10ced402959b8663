/** 申请人承诺 (《医师法》第十六条): each item a check box the physician ticks; the form sends `declarations: { key: true }`. */
import { Checkbox, Form, Typography } from 'antd';
import { DECLARATIONS } from '@medreg/domain';

export function DeclarationsItems() {
  return (
    <fieldset className="business-fieldset">
      <legend>申请人承诺</legend>
      <Typography.Paragraph>根据《中华人民共和国医师法》第十六条，有下列情形之一的不予注册。请逐项阅读并确认：</Typography.Paragraph>
      {DECLARATIONS.map((d) => (
        <Form.Item key={d.key} name={['declarations', d.key]} valuePropName="checked" style={{ marginBottom: 10 }}>
          <Checkbox>{d.text}</Checkbox>
        </Form.Item>
      ))}
    </fieldset>
  );
}

/** The ticked items as the domain's form has them (an unticked item is refused by the schema with its field). */
export function declarationsOf(raw: unknown): Record<string, boolean> {
  const ticked = (raw ?? {}) as Record<string, boolean | undefined>;
  return Object.fromEntries(DECLARATIONS.map((d) => [d.key, ticked[d.key] === true]));
}
