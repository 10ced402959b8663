/**
 * 医师验证 (seed question 四): when a physician is missing from 医师账户激活, check by 姓名 + 身份证号 whether
 * the registration's 执业地点 and 主要执业机构 match this institution's standard name; if not, 请联系卫生健康委处理.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useApiErrorHandler } from '../../api/use-api-error';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { EMPTY, formatDate } from '../../lib/format';
import { useVerification, type VerificationRegistration } from './institution-api';
import './institution.css';

function Match({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <span className={ok ? 'inst-match' : 'inst-mismatch'}>
      {ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {children}
    </span>
  );
}

const COLUMNS: TableColumnsType<VerificationRegistration> = [
  { title: '执业地点', key: 'location', width: 120, render: (_: unknown, r) => <Match ok={r.locationMatches}>{r.practiceLocation}</Match> },
  { title: '主要执业机构', key: 'institution', width: 200, render: (_: unknown, r) => <Match ok={r.institutionMatches}>{r.mainInstitutionName}</Match> },
  { title: '执业类别', key: 'category', width: 124, render: (_: unknown, r) => `${r.levelLabel} · ${r.categoryLabel}` },
  { title: '执业范围', key: 'scopes', width: 110, render: (_: unknown, r) => r.scopes.join('、') },
  { title: '注册状态', key: 'status', width: 80, render: (_: unknown, r) => <StatusTag label={r.statusLabel} color={r.current ? 'success' : 'default'} /> },
  { title: '执业证书编码', dataIndex: 'licenceCode', width: 150, render: (v: string | null) => <span className="inst-mono">{v ?? EMPTY}</span> },
  { title: '注册日期', dataIndex: 'approvedOn', width: 100, render: (v: string) => formatDate(v) },
  { title: '核对结果', dataIndex: 'message' },
];

export function VerificationPage() {
  const [form] = Form.useForm<{ name: string; idNumber: string }>();
  const verify = useVerification();
  const showError = useApiErrorHandler();
  const result = verify.data;
  return (
    <>
      <PageHeader
        title="医师验证"
        description="医师个人端注册成功后，若在「医师账户激活」中查询不到该医师，请在此验证该医师注册信息中的执业地点、主要执业机构是否与本机构的标准名称一致。若不一致，请联系卫生健康委处理。"
      />
      <Card size="small" style={{ marginBottom: 16, maxWidth: 760 }}>
        <Form form={form} layout="inline" className="inst-filters" onFinish={(v) => verify.mutate({ name: v.name.trim(), idNumber: v.idNumber.trim() }, { onError: (e) => showError(e, form) })}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input placeholder="身份证上的姓名" style={{ width: 160 }} maxLength={30} />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, whitespace: true, message: '请输入身份证号' }]}>
            <Input placeholder="18位身份证号" style={{ width: 220 }} maxLength={18} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" loading={verify.isPending}>验证</Button></Form.Item>
        </Form>
      </Card>

      {result && !result.found && <Alert type="warning" showIcon title="未查询到" description={result.message} style={{ maxWidth: 760 }} />}
      {result && result.found && (
        <>
          <Alert
            type={result.summary.result === 'match' ? 'success' : result.summary.result === 'mismatch' ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={result.summary.result === 'match' ? '注册信息与本机构一致' : result.summary.result === 'mismatch' ? '注册信息与本机构不一致，请联系卫生健康委处理' : '没有有效的执业注册'}
            description={result.summary.message}
          />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'name', label: '姓名', children: result.physician.name },
              { key: 'sex', label: '性别', children: result.physician.sexLabel },
              { key: 'id', label: '身份证号', children: <span className="inst-mono">{result.physician.idNumberMasked}</span> },
              { key: 'inst', label: '本机构标准名称', span: 2, children: result.institution.name },
              { key: 'area', label: '本机构所在地', children: result.institution.areaName },
            ]}
          />
          <Typography.Title level={5}>注册信息</Typography.Title>
          <Table<VerificationRegistration> rowKey="id" size="middle" columns={COLUMNS} dataSource={result.registrations} pagination={false} scroll={{ x: 1180 }} />
        </>
      )}
    </>
  );
}
