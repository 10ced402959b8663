import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Col, Drawer, Empty, Form, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, applyProblemToForm, isApiError } from '../../api/client';
import { CaptchaField } from '../../components/captcha-field';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useCaptcha } from '../../session/captcha';
import { statusColor, type Province, type PublicRegistration, type RegisterSearchInput, type RegisterSearchResult } from './api';
import { RegistrationDetails } from './registration-details';
import './public.css';

type SearchValues = Omit<RegisterSearchInput, 'captchaId'>;

/**
 * 医师执业注册信息查询 (/public/search, no sign-in) — domain §6. All three conditions are required, as in the
 * national query: 所在省份, 医师姓名 (full name) and 所在医疗机构; every search needs a new captcha.
 */
export function PublicSearchPage() {
  const [form] = Form.useForm<SearchValues>();
  const { captcha, isLoading: captchaLoading, refresh } = useCaptcha('register-search');
  const [problem, setProblem] = useState<unknown>(null);
  const [detail, setDetail] = useState<PublicRegistration | null>(null);
  const provinces = useQuery({
    queryKey: ['reference', 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/api/v1/reference/regions/provinces'),
    staleTime: Infinity,
  });
  const search = useMutation({
    mutationFn: (input: RegisterSearchInput) => api.post<RegisterSearchResult>('/api/v1/register/search', input),
  });

  const onFinish = async (values: SearchValues) => {
    if (!captcha) return;
    setProblem(null);
    try {
      await search.mutateAsync({ ...values, captchaId: captcha.id });
      nextCaptcha();
    } catch (error) {
      nextCaptcha(); // before marking fields: clearing the answer would clear its error too
      const unmatched = applyProblemToForm(form, error);
      if (!isApiError(error) || error.errors.length === 0 || unmatched.length > 0) setProblem(error);
    }
  };

  /** A captcha is single use: the server consumed it whatever the outcome. */
  const nextCaptcha = () => {
    form.setFieldValue('captchaAnswer', '');
    refresh();
  };

  const columns: TableColumnsType<PublicRegistration> = [
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '性别', dataIndex: 'sex', width: 64 },
    { title: '执业级别', dataIndex: 'levelLabel', width: 120 },
    { title: '执业类别', dataIndex: 'categoryLabel', width: 96 },
    { title: '执业地点', dataIndex: 'practiceLocation', width: 130 },
    { title: '主要执业机构', dataIndex: 'institutionName' },
    {
      title: '注册状态', dataIndex: 'statusLabel', width: 100,
      render: (_, r) => (
        <>
          <StatusTag label={r.statusLabel} color={statusColor(r.status)} />
          {r.cancellation && <div className="status-since">{r.cancellation.effectiveOn}</div>}
        </>
      ),
    },
    {
      title: '操作', key: 'actions', width: 80,
      render: (_, r) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setDetail(r)} aria-label={`查看${r.name}的详细信息`}>
          详细
        </Button>
      ),
    },
  ];

  const results = search.data?.items;
  return (
    <>
      <PageHeader
        title="医师执业注册信息查询"
        description="请选择医师所在省份，输入医师姓名（全名）和所在医疗机构名称，三项均为必填。依据《中华人民共和国医师法》第二十一条，公开医师执业注册和注销信息。"
      />
      <ProblemAlert error={problem} style={{ marginBottom: 16 }} />
      {provinces.error && <ProblemAlert error={provinces.error} title="无法加载省份列表" style={{ marginBottom: 16 }} />}
      <Form<SearchValues> form={form} layout="vertical" className="register-search-form" onFinish={onFinish} disabled={search.isPending} requiredMark>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label="所在省份" name="provinceCode" rules={[{ required: true, message: '请选择所在省份' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择"
                loading={provinces.isPending}
                options={provinces.data?.items.map((p) => ({ value: p.code, label: p.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="医师姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入医师姓名' }]}>
              <Input placeholder="请输入医师全名" maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="所在医疗机构"
              name="institutionName"
              rules={[{ required: true, whitespace: true, message: '请输入所在医疗机构名称' }, { min: 2, message: '请输入所在医疗机构名称' }]}
            >
              <Input placeholder="请输入医疗机构的标准名称" maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <CaptchaField captcha={captcha} loading={captchaLoading} onRefresh={refresh} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false} style={{ marginBottom: 24 }}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={search.isPending} disabled={!captcha}>
                查询
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>

      {results && (
        <section className="register-results" aria-label="查询结果">
          <Typography.Title level={5}>查询结果（共 {results.length} 条）</Typography.Title>
          <Table<PublicRegistration>
            rowKey={(r) => r.licenceCode ?? `${r.name}-${r.institutionName}-${r.status}`}
            columns={columns}
            dataSource={results}
            pagination={false}
            size="middle"
            scroll={{ x: 860 }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    <Space orientation="vertical" size={2}>
                      <span>未查询到符合条件的医师执业注册信息</span>
                      <span className="register-note">请核对所在省份、医师姓名（与身份证一致的全名）和医疗机构的标准名称。</span>
                    </Space>
                  }
                />
              ),
            }}
          />
        </section>
      )}
      <Typography.Paragraph className="register-note" style={{ marginTop: 24 }}>
        说明：每次查询需输入验证码；同一网络地址查询过于频繁时将暂时限制查询。查询结果不包含身份证号、联系方式、出生日期等个人信息。
      </Typography.Paragraph>

      <Drawer title="医师执业注册信息" open={detail !== null} onClose={() => setDetail(null)} size={560} destroyOnHidden>
        {detail && <RegistrationDetails registration={detail} />}
      </Drawer>
    </>
  );
}
