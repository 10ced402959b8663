/** Steps 1–2: 执业地点 and 主要执业机构 (searched by 标准名称 within the 执业地点). */
import { Alert, Button, Descriptions, Empty, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { practiceLocationRule } from '@medreg/domain';
import { ProblemAlert } from '../../../../components/problem-alert';
import { useInstitutionSearch, useProvinces } from '../applications-api';
import { StepForm, type StepProps } from './step-form';

const provinceOf = (code: string | null | undefined) => (code ? `${code.slice(0, 2)}0000` : undefined);

export function LocationStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const provinces = useProvinces();
  const level = app.level ?? 'physician';
  const q = app.qualification;
  return (
    <>
      {q && (
        <Descriptions size="small" bordered column={2} title="资格信息（来自医师资格库）" style={{ marginBottom: 20 }}
          items={[
            { key: 'code', label: '资格证书编码', children: q.certCode ?? '考试合格，证书待发' },
            { key: 'level', label: '级别', children: q.levelLabel },
            { key: 'category', label: '类别', children: q.categoryLabel },
            { key: 'date', label: '取得资格时间', children: q.obtainedDate ?? '—' },
          ]}
        />
      )}
      <StepForm {...props} form={form}
        initialValues={{ practiceLocationCode: provinceOf(app.payload.practiceLocationCode) }}
        toValues={(raw) => ({ practiceLocationCode: raw.practiceLocationCode as string })}
      >
        <Form.Item name="practiceLocationCode" label={level === 'physician' ? '执业地点（省份）' : '执业地点所在省份'} rules={[{ required: true, message: '请选择执业地点' }]}
          extra={practiceLocationRule(level)}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择省份"
            loading={provinces.isPending}
            style={{ maxWidth: 360 }}
            options={(provinces.data?.items ?? []).map((p) => ({
              value: p.code,
              label: p.eRegistrationEnabled === false ? `${p.name}（未实施电子化注册）` : p.name,
              disabled: p.eRegistrationEnabled === false,
            }))}
          />
        </Form.Item>
        {level === 'assistant' && app.form.practiceLocation && app.payload.institutionId && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`当前执业地点：${app.form.practiceLocation.name}（由主要执业机构所在县（区）确定）`} />
        )}
        <ProblemAlert error={provinces.error} />
      </StepForm>
    </>
  );
}

export function InstitutionStep(props: StepProps) {
  const { app } = props;
  const [form] = Form.useForm();
  const place = app.payload.practiceLocationCode;
  const [q, setQ] = useState('');
  const search = useInstitutionSearch(place, q);
  const selected = Form.useWatch('institutionId', form) as string | undefined;
  const hits = search.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <StepForm {...props} form={form}
      initialValues={{ institutionId: app.payload.institutionId }}
      toValues={(raw) => ({ practiceLocationCode: place, institutionId: raw.institutionId as string })}
    >
      <Typography.Paragraph>
        执业地点：<Typography.Text strong>{app.form.practiceLocation?.name ?? '未选择'}</Typography.Text>。
        请在执业地点内按机构的<Typography.Text strong>标准名称</Typography.Text>查找拟执业的主要执业机构（名称须与机构登记的标准名称一致）。
      </Typography.Paragraph>
      <Input.Search
        allowClear
        enterButton="查询"
        placeholder="输入机构名称中的文字，如：人民医院"
        style={{ maxWidth: 480, marginBottom: 12 }}
        onSearch={(v) => setQ(v.trim())}
        maxLength={50}
      />
      <ProblemAlert error={search.error} />
      <Form.Item name="institutionId" label="主要执业机构" rules={[{ required: true, message: '请选择主要执业机构' }]}>
        <Radio.Group style={{ width: '100%' }}>
          <List
            size="small"
            bordered
            loading={search.isFetching && hits.length === 0}
            locale={{ emptyText: <Empty description={place ? '未找到机构，请换个名称查询' : '请先选择执业地点'} /> }}
            dataSource={hits}
            style={{ maxHeight: 360, overflow: 'auto' }}
            renderItem={(i) => (
              <List.Item>
                <Radio value={i.id}>
                  <Space wrap>
                    <span>{i.name}</span>
                    <Typography.Text type="secondary">{i.areaName}</Typography.Text>
                    {i.grassroots && <Tag color="green">基层医疗机构</Tag>}
                  </Space>
                </Radio>
              </List.Item>
            )}
          />
        </Radio.Group>
      </Form.Item>
      {search.hasNextPage && (
        <Button style={{ marginBottom: 16 }} onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>加载更多</Button>
      )}
      {!selected && app.form.institution && (
        <Typography.Paragraph type="secondary">已选：{app.form.institution.name}</Typography.Paragraph>
      )}
      {selected && selected === app.form.institution?.id && !hits.some((h) => h.id === selected) && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`已选择：${app.form.institution.name}（${app.form.institution.areaName}）`} />
      )}
    </StepForm>
  );
}
