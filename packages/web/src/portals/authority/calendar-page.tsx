/**
 * 工作日历 — statutory holidays and 调休 working days by year (《行政许可法》第八十二条: periods in working days),
 * and the decision period (《医师法》第十三条: 20 working days). Years the State Council notice dataset does not
 * know yet are entered here by national or provincial administrators.
 */
import { Alert, Button, Card, Descriptions, Flex, Form, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/use-api-error';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { dayjs, APP_TIME_ZONE } from '../../lib/dayjs';
import { formatDateTime } from '../../lib/format';
import { useCalendar, useCalendarMutations, type CalendarDay, type CalendarYear } from './authority-api';
import { CalendarCorrectionForm } from './calendar-correction-form';
import { CalendarWarningBanner } from './calendar-warning';
import { CalendarYearForm } from './calendar-year-form';

const YEAR_STATUS: Record<CalendarYear['yearSource'], (year: number, d: CalendarYear) => string> = {
  dataset: (y) => `${y}年的节假日安排已按国务院办公厅通知收录。如有错误，可逐日更正。`,
  admin: (y, d) => `${y}年的节假日安排已由管理员录入${d.yearEnteredAt ? `（${formatDateTime(d.yearEnteredAt)}）` : ''}。如有错误，可逐日更正。`,
  unknown: (y, d) => `尚未录入${y}年的节假日安排${d.datasetLastYear ? `（数据集已收录至${d.datasetLastYear}年）` : ''}，涉及该年度的截止日期暂按周一至周五计算。`,
};

function kindText(kind: CalendarDay['kind'] | null, name: string | null): string {
  if (!kind) return '按星期';
  return `${kind === 'holiday' ? '法定节假日' : '调休上班'}${name ? `（${name}）` : ''}`;
}

export function CalendarPage() {
  const thisYear = dayjs().tz(APP_TIME_ZONE).year();
  const [year, setYear] = useState(thisYear);
  const { data, error, isFetching } = useCalendar(year);
  const m = useCalendarMutations(year);
  const showError = useApiErrorHandler();
  const [limitForm] = Form.useForm<{ workingDays: number }>();
  const editable = Boolean(data?.canAdminister);

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
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title="工作日历和审批时限全国统一"
        description="国务院办公厅每年发布一份节假日安排通知，全国适用。国家或任一省级卫生健康行政部门的管理员录入或更正后，对全国所有审批机关生效，并记入变更记录和审计日志。"
      />
      <CalendarWarningBanner onCalendarPage />
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
            调整全国适用，只影响之后受理的业务；已受理业务仍按受理时的工作日数计算。
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
          type={data.yearSource === 'unknown' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-year-status"
          title={YEAR_STATUS[data.yearSource](year, data)}
          description={data.yearSource !== 'unknown' ? undefined : data.canAdminister
            ? '请根据国务院办公厅关于节假日安排的通知，在下方一次录入全年的放假安排和调休上班日。'
            : '请联系国家或省级卫生健康行政部门的管理员，根据国务院办公厅的通知录入。'}
        />
      )}
      {data?.canAdminister && data.yearSource === 'unknown' && <CalendarYearForm key={year} year={year} />}
      {data?.canAdminister && <CalendarCorrectionForm year={year} />}
      <div className="calendar-scroll" tabIndex={0} role="region" aria-label="节假日和调休上班日（可横向滚动）">
      <Table<CalendarDay>
        className="calendar-days"
        rowKey="date"
        size="small"
        loading={isFetching}
        columns={columns}
        dataSource={data?.days ?? []}
        pagination={false}
        locale={{ emptyText: '本年度暂无节假日或调休安排' }}
      />
      </div>
      {data && data.history.length > 0 && (
        <Card size="small" title="变更记录" style={{ marginTop: 16 }}>
          {/* Scrolls sideways on a phone, reachable by keyboard (WCAG 2.1.1). */}
          <div className="calendar-scroll" tabIndex={0} role="region" aria-label="变更记录（可横向滚动）">
          <Table
            rowKey={(h) => `${h.at}-${h.date}`}
            size="small"
            pagination={false}
            dataSource={data.history}
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              { title: '变更', dataIndex: 'change', width: 110, render: (c: string) => (c === 'year_entry' ? '录入全年安排' : '更正') },
              { title: '原安排', key: 'before', render: (_: unknown, h) => kindText(h.kindBefore, h.nameBefore) },
              { title: '新安排', key: 'after', render: (_: unknown, h) => kindText(h.kindAfter, h.nameAfter) },
              { title: '原因', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
              { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            ]}
          />
          </div>
        </Card>
      )}
    </>
  );
}
