/**
 * 工作日历 — statutory holidays and 调休 working days by year (《行政许可法》第八十二条: periods in working days),
 * and the decision period (《医师法》第十三条: 20 working days). Years the State Council notice dataset does not
 * know yet are entered here by national or provincial administrators.
 */
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/use-api-error';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { dayjs, APP_TIME_ZONE } from '../../lib/dayjs';
import { useCalendar, useCalendarMutations, type CalendarDay } from './authority-api';

export function CalendarPage() {
  const thisYear = dayjs().tz(APP_TIME_ZONE).year();
  const [year, setYear] = useState(thisYear);
  const { data, error, isFetching } = useCalendar(year);
  const m = useCalendarMutations(year);
  const showError = useApiErrorHandler();
  const [addForm] = Form.useForm<{ date: Dayjs; kind: 'holiday' | 'workday'; name?: string }>();
  const [limitForm] = Form.useForm<{ workingDays: number }>();
  const editable = Boolean(data?.canAdminister && !data.maintainedByDataset);

  const columns = [
    { title: '日期', dataIndex: 'date', width: 130 },
    { title: '星期', dataIndex: 'weekday', width: 90 },
    {
      title: '类型', dataIndex: 'kind', width: 120,
      render: (k: CalendarDay['kind']) => (k === 'holiday' ? <Tag color="red">法定节假日</Tag> : <Tag color="blue">调休上班</Tag>),
    },
    { title: '名称', dataIndex: 'name', render: (v: string | null) => v ?? '—' },
    { title: '来源', dataIndex: 'source', width: 140, render: (s: string) => (s === 'admin' ? '管理员录入' : '国务院办公厅通知') },
    ...(editable ? [{
      title: '操作', key: 'op', width: 90,
      render: (_: unknown, d: CalendarDay) => d.source === 'admin' && (
        <Popconfirm title={`删除 ${d.date} 的安排？`} okText="删除" cancelText="取消" onConfirm={() => m.remove.mutate(d.date, { onError: (e) => showError(e) })}>
          <Button type="link" danger size="small">删除</Button>
        </Popconfirm>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title="工作日历"
        description="法定审批时限以工作日计算，不含法定节假日，含调休上班日（《行政许可法》第八十二条）。"
      />
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Card size="small" title="审批时限" style={{ marginBottom: 16 }}>
        <Flex gap={24} align="center" wrap>
          <Descriptions
            size="small"
            column={1}
            items={[{
              key: 'limit',
              label: '受理后作出决定的期限',
              children: data ? (
                <span>
                  <Typography.Text strong>{data.decisionLimit.workingDays}</Typography.Text> 个工作日
                  {data.decisionLimit.source === 'setting' ? `（已调整，法定默认 ${data.decisionLimit.defaultWorkingDays} 个工作日）` : '（《医师法》第十三条）'}
                </span>
              ) : '—',
            }]}
          />
          {data?.canAdminister && (
            <Form form={limitForm} layout="inline" onFinish={(v) => m.setLimit.mutate(v.workingDays, { onError: (e) => showError(e, limitForm) })}>
              <Form.Item name="workingDays" rules={[{ required: true, message: '请输入工作日数' }]}>
                <InputNumber min={1} max={60} precision={0} placeholder="工作日数" style={{ width: 120 }} />
              </Form.Item>
              <Space>
                <Button htmlType="submit" loading={m.setLimit.isPending}>保存</Button>
                {data.decisionLimit.source === 'setting' && (
                  <Button onClick={() => m.setLimit.mutate(null, { onError: (e) => showError(e) })}>恢复默认</Button>
                )}
              </Space>
            </Form>
          )}
        </Flex>
        {data?.canAdminister && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            调整只影响之后受理的业务；已受理业务的法定办结日期不变。
          </Typography.Paragraph>
        )}
      </Card>

      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>年度：</Typography.Text>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          aria-label="年度"
          options={Array.from({ length: 5 }, (_, i) => thisYear - 2 + i).map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Flex>
      {data && (
        <Alert
          type={data.maintainedByDataset ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={data.maintainedByDataset
            ? `${year}年的节假日安排已按国务院办公厅通知维护。`
            : `尚未收录${year}年的节假日安排${data.datasetLastYear ? `（已收录至${data.datasetLastYear}年）` : ''}。`}
          description={data.maintainedByDataset ? undefined : data.canAdminister
            ? '请根据国务院办公厅关于节假日安排的通知，逐日录入法定节假日和调休上班日。'
            : '请联系国家或省级卫生健康行政部门的管理员，根据国务院办公厅的通知录入。'}
        />
      )}
      {editable && (
        <Card size="small" title="录入节假日或调休上班日" style={{ marginBottom: 16 }}>
          <Form
            form={addForm}
            layout="inline"
            initialValues={{ kind: 'holiday' }}
            onFinish={(v) => m.add.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name?.trim() || undefined }, {
              onSuccess: () => addForm.resetFields(['date']),
              onError: (e) => showError(e, addForm),
            })}
          >
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker
                disabledDate={(d) => d.year() !== year}
                defaultPickerValue={dayjs(`${year}-01-01`)}
                style={{ width: 150 }}
              />
            </Form.Item>
            <Form.Item name="kind" label="类型">
              <Radio.Group options={[{ value: 'holiday', label: '法定节假日' }, { value: 'workday', label: '调休上班' }]} />
            </Form.Item>
            <Form.Item name="name" label="名称">
              <Input maxLength={20} placeholder="如：春节、春节调休上班" style={{ width: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={m.add.isPending}>添加</Button>
          </Form>
        </Card>
      )}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={isFetching}
        columns={columns}
        dataSource={data?.days ?? []}
        pagination={false}
        locale={{ emptyText: '本年度暂无节假日或调休安排' }}
      />
    </>
  );
}
