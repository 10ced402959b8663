/**
 * 更正某一天 — in any year, the dataset's too: make it a statutory holiday, a 调休 working day, or a plain weekday again.
 * With a reason; the server keeps the day's history, audits it and recounts the due dates it moves. National.
 */
import { Button, Card, Form, Input, Radio } from 'antd';
import { useApiErrorHandler } from '../../api/use-api-error';
import { useCalendarMutations, type CalendarCorrectionKind } from './authority-api';

interface Values { date: string; kind: CalendarCorrectionKind; name?: string; reason: string }

export function CalendarCorrectionForm({ year }: { year: number }) {
  const [form] = Form.useForm<Values>();
  const m = useCalendarMutations(year);
  const showError = useApiErrorHandler();
  return (
    <Card size="small" title="更正某一天" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'holiday' }}
        onFinish={(v) => m.correct.mutate({ ...v, name: v.name?.trim() || undefined }, {
          onSuccess: () => form.resetFields(['date', 'name', 'reason']),
          onError: (e) => showError(e, form),
        })}
      >
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]} style={{ marginBottom: 8 }}>
          <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
        </Form.Item>
        <Form.Item name="kind" label="更正为" style={{ marginBottom: 8, maxWidth: '100%' }}>
          <Radio.Group style={{ display: 'flex', flexWrap: 'wrap', rowGap: 4 }} options={[{ value: 'holiday', label: '法定节假日' }, { value: 'workday', label: '调休上班' }, { value: 'weekday', label: '按星期（取消安排）' }]} />
        </Form.Item>
        <Form.Item name="name" label="名称" style={{ marginBottom: 8 }}>
          <Input maxLength={20} placeholder="如：春节、春节调休上班" style={{ width: 180, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, message: '请填写更正原因' }]} style={{ marginBottom: 8 }}>
          <Input maxLength={100} style={{ width: 220, maxWidth: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" loading={m.correct.isPending}>更正</Button>
      </Form>
    </Card>
  );
}
