import { MailOutlined, MessageOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Form, Grid, Input, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { api, isApiError } from '../api/client';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../lib/format';

export interface InboxMessage {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  createdAt: string;
}

const REFRESH_MS = 3000;

function ChannelTag({ channel }: { channel: InboxMessage['channel'] }) {
  return channel === 'sms' ? <Tag icon={<MessageOutlined />} color="blue">短信</Tag> : <Tag icon={<MailOutlined />} color="purple">邮件</Tag>;
}

function MessageContent({ m }: { m: InboxMessage }) {
  return (
    <div className="dev-inbox__message" data-recipient={m.recipient} data-template={m.template}>
      {m.subject && <Typography.Text strong>{m.subject}</Typography.Text>}
      <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
    </div>
  );
}

/** On a phone: one message under the other, its channel, time and recipient above the text, its template below. */
function MessageList({ messages, loading }: { messages: InboxMessage[]; loading: boolean }) {
  if (loading) return <Skeleton active />;
  if (!messages.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />;
  return (
    <Flex vertical gap={12} role="list" aria-label="消息列表">
      {messages.map((m) => (
        <Flex key={m.id} vertical gap={4} role="listitem" style={{ paddingBottom: 12, borderBottom: '1px solid #f0f0f0' }}>
          <Flex gap={4} wrap align="center">
            <ChannelTag channel={m.channel} />
            <Typography.Text type="secondary">{formatDateTime(m.createdAt)} · {m.recipient}</Typography.Text>
          </Flex>
          <MessageContent m={m} />
          <Typography.Text code style={{ wordBreak: 'break-all', alignSelf: 'flex-start' }}>{m.template}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export function DevInboxPage() {
  const [params, setParams] = useSearchParams();
  const recipient = params.get('recipient') ?? '';
  const [form] = Form.useForm<{ recipient: string }>();
  const wide = Grid.useBreakpoint().md !== false;

  useEffect(() => form.setFieldsValue({ recipient }), [form, recipient]);

  const inbox = useQuery({
    queryKey: ['dev-inbox', recipient],
    // POST: the recipient (a phone number or e-mail) stays out of the API URL.
    queryFn: () => api.post<{ messages: InboxMessage[] }>('/api/v1/dev/inbox/search', recipient ? { recipient } : {}),
    refetchInterval: (q) => (isApiError(q.state.error) && q.state.error.status === 404 ? false : REFRESH_MS),
    retry: false,
  });

  if (isApiError(inbox.error) && inbox.error.status === 404) {
    return (
      <>
        <PageHeader title="开发收件箱" />
        <Result status="warning" title="开发收件箱仅在非生产环境可用" subTitle="当前环境未启用开发收件箱，短信和邮件将通过正式通道发送。" />
      </>
    );
  }

  return (
    <div className="dev-inbox">
      <PageHeader
        title="开发收件箱"
        description={`系统在非生产环境下"发送"的短信与邮件都显示在这里（每 ${REFRESH_MS / 1000} 秒自动刷新），可用于查看短信验证码和激活码。`}
      />
      <Card style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ recipient }}
          onFinish={(v) => setParams(v.recipient?.trim() ? { recipient: v.recipient.trim() } : {}, { replace: true })}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item label="收件人" name="recipient">
            <Input placeholder="手机号或电子邮箱" allowClear style={{ width: wide ? 260 : 200 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">查询</Button>
              <Button onClick={() => setParams({}, { replace: true })}>显示全部</Button>
            </Space>
          </Form.Item>
        </Form>
        <ProblemAlert error={inbox.error} style={{ marginBottom: 16 }} />
        {wide ? (
          <Table<InboxMessage>
            rowKey="id"
            size="middle"
            loading={inbox.isPending}
            dataSource={inbox.data?.messages ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无消息' }}
            columns={[
              { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              {
                title: '渠道',
                dataIndex: 'channel',
                width: 90,
                render: (c: InboxMessage['channel']) => <ChannelTag channel={c} />,
              },
              { title: '收件人', dataIndex: 'recipient', width: 200 },
              {
                title: '内容',
                key: 'content',
                render: (_: unknown, m) => <MessageContent m={m} />,
              },
              { title: '模板', dataIndex: 'template', width: 240, render: (t: string) => <Typography.Text code>{t}</Typography.Text> },
            ]}
          />
        ) : <MessageList messages={inbox.data?.messages ?? []} loading={inbox.isPending} />}
      </Card>
    </div>
  );
}
