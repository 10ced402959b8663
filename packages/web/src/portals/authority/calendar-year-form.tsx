/**
 * 录入某年节假日安排 — the State Council notice as it reads: each holiday by name with its 放假 dates, then the 调休上班
 * days. One form, one request (POST /api/v1/authority/calendar/years); the server checks the rules and names the
 * field of each error. The entry applies nationally.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useApiErrorHandler } from '../../api/use-api-error';
import { useCalendarMutations } from './authority-api';

/** The holidays of 《全国年节及纪念日放假办法》, in the order a notice lists them. */
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

interface Values {
  holidays: { name: string; from: string; to: string }[];
  workdays: { date: string; name?: string }[];
  note?: string;
}

export function CalendarYearForm({ year }: { year: number }) {
  const [form] = Form.useForm<Values>();
  const m = useCalendarMutations(year);
  const showError = useApiErrorHandler();
  const submit = (v: Values) => m.enterYear.mutate(
    { year, holidays: v.holidays, workdays: v.workdays ?? [], note: v.note?.trim() || undefined },
    { onError: (e) => showError(e, form) },
  );
  return (
    <Card size="small" title={`录入${year}年节假日安排`} style={{ marginBottom: 16 }} className="calendar-year-form">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        按国务院办公厅关于{year}年部分节假日安排的通知填写：各节日的放假起止日期，以及调休上班的周六、周日。提交后全国适用。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ holidays: HOLIDAY_NAMES.map((name) => ({ name })), workdays: [] }}>
        <Typography.Text strong>放假安排</Typography.Text>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} wrap align="start" className="calendar-holiday-row" data-testid={`holiday-${i}`}>
                  <Form.Item name={[f.name, 'name']} label="节日" rules={[{ required: true, message: '请填写节日名称' }]} style={{ width: 120, marginBottom: 8 }}>
                    <Input maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} label="放假开始" rules={[{ required: true, message: '请填写放假开始日期' }]} style={{ marginBottom: 8 }}>
                    <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} label="放假结束" rules={[{ required: true, message: '请填写放假结束日期' }]} style={{ marginBottom: 8 }}>
                    <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
                  </Form.Item>
                  <Button type="text" aria-label={`删除第${i + 1}个节日`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} style={{ marginBottom: 16 }}>添加节日</Button>
            </>
          )}
        </Form.List>
        <div><Typography.Text strong>调休上班日</Typography.Text></div>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} wrap align="start" data-testid={`workday-${i}`}>
                  <Form.Item name={[f.name, 'date']} label="上班日期" rules={[{ required: true, message: '请填写调休上班日期' }]} style={{ marginBottom: 8 }}>
                    <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label="所属节日" style={{ width: 140, marginBottom: 8 }}>
                    <Select allowClear options={HOLIDAY_NAMES.map((n) => ({ value: n, label: n }))} />
                  </Form.Item>
                  <Button type="text" aria-label={`删除第${i + 1}个调休上班日`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>添加调休上班日</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="说明（可选）">
          <Input maxLength={100} placeholder="如：国办发明电〔2026〕X号" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.enterYear.isPending}>提交{year}年节假日安排</Button>
      </Form>
    </Card>
  );
}
