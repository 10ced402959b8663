/**
 * 新增 / 修改医疗机构: 标准名称, 统一社会信用代码, 执业许可证登记号, type and level, area (cascader) and address,
 * the approving authority (those the server offers for the area), departments (picker with the 诊疗科目 catalogue,
 * own names allowed), and for a new institution its first administrator. Field errors come back on their fields.
 */
import { Alert, Col, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import {
  DEPARTMENT_CATALOGUE, INSTITUTION_GRADE_LABELS, INSTITUTION_GRADES, INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, LOGIN_NAME_MESSAGE,
  type CreateInstitution,
} from '@medreg/domain';
import { applyProblemToForm } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { AreaCascader } from './institution-area-cascader';
import { useApprovers, useRegistryMutations, type Created, type RegistryInstitution, type Warning } from './institution-registry-api';

type Values = Omit<CreateInstitution, 'admin'> & { admin?: CreateInstitution['admin'] };

export interface InstitutionFormDialogProps {
  jurisdiction: { areaCode: string; level: string };
  /** The institution to edit; undefined to create one. */
  editing?: RegistryInstitution;
  onClose: () => void;
  onCreated: (created: Created, name: string) => void;
  onSaved: (warnings: Warning[]) => void;
}

export function InstitutionFormDialog({ jurisdiction, editing, onClose, onCreated, onSaved }: InstitutionFormDialogProps) {
  const [form] = Form.useForm<Values>();
  const { create, edit } = useRegistryMutations();
  const [unmatched, setUnmatched] = useState<unknown>(null);
  const areaCode = Form.useWatch('areaCode', form);
  const approvers = useApprovers(areaCode);
  const pending = create.isPending || edit.isPending;

  useEffect(() => {
    const items = approvers.data?.items;
    if (!items) return;
    const current = form.getFieldValue('approvingAuthorityId') as string | undefined;
    if (!items.some((a) => a.id === current)) form.setFieldValue('approvingAuthorityId', items.length === 1 ? items[0]!.id : undefined);
  }, [approvers.data, form]);

  const submit = async (v: Values) => {
    setUnmatched(null);
    try {
      if (editing) {
        const { admin: _a, ...fields } = v;
        const r = await edit.mutateAsync({ id: editing.id, body: { ...fields, expectedVersion: editing.version } });
        onSaved(r.warnings);
      } else {
        onCreated(await create.mutateAsync(v as CreateInstitution), v.name);
      }
    } catch (e) {
      applyProblemToForm(form, e);
      setUnmatched(e);
    }
  };

  const initial: Partial<Values> = editing ? {
    name: editing.name, creditCode: editing.creditCode, licenceRegNo: editing.licenceRegNo, kind: editing.kind, grade: editing.grade,
    grassroots: editing.grassroots, address: editing.address, areaCode: editing.areaCode, approvingAuthorityId: editing.approvingAuthority.id,
    departments: editing.departments,
  } : { kind: 'medical', grade: 'none', grassroots: false, departments: ['内科', '外科'] };

  return (
    <Modal
      open
      rootClassName="staff-contrast"
      width={760}
      title={editing ? `修改医疗机构信息 ·「${editing.name}」` : '新增医疗机构'}
      okText={editing ? '保存' : '创建机构和管理员账户'}
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} name="institution" layout="vertical" initialValues={initial} onFinish={submit} autoComplete="off" className="registry-form">
        <Form.Item name="name" label="机构标准名称" rules={[{ required: true, whitespace: true, message: '请填写机构标准名称' }]} extra="与《医疗机构执业许可证》上的名称一致；同一区县内不能重名">
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]} extra="18位，GB 32100">
              <Input maxLength={18} className="registry-mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="licenceRegNo" label="医疗机构执业许可证登记号" rules={[{ required: true, message: '请填写执业许可证登记号' }]} extra="通常22位（组织机构代码9位 + 属性代码13位）；诊所、村卫生室为12位">
              <Input maxLength={30} className="registry-mono" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="机构类别" rules={[{ required: true, message: '请选择机构类别' }]}>
              <Radio.Group options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="grade" label="机构等级" rules={[{ required: true, message: '请选择机构等级' }]}>
              <Select options={INSTITUTION_GRADES.map((g) => ({ value: g, label: INSTITUTION_GRADE_LABELS[g] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="grassroots" label="基层医疗卫生机构" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="areaCode" label="所在地区（区县）" rules={[{ required: true, message: '请选择所在地区' }]} extra="限本部门辖区内">
              <AreaCascader jurisdiction={jurisdiction} currentName={editing?.areaName} onChange={(code) => form.setFieldValue('areaCode', code)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="approvingAuthorityId" label="审批机关" rules={[{ required: true, message: '请选择审批机关' }]} extra="该机构医师的执业注册由审批机关办理（《医师执业注册管理办法》第九条）">
              <Select
                placeholder={areaCode ? '请选择审批机关' : '请先选择所在地区'}
                loading={approvers.isFetching}
                options={(approvers.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, message: '请填写机构地址' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="departments" label="科室设置" extra="可从诊疗科目中选择，也可输入本机构的科室名称后回车">
          <Select mode="tags" tokenSeparators={['，', ',', '、']} options={DEPARTMENT_CATALOGUE.map((d) => ({ value: d, label: d }))} placeholder="选择或输入科室" />
        </Form.Item>
        {!editing && (
          <fieldset className="registry-fieldset">
            <legend>首位机构管理员账户</legend>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={['admin', 'loginName']} label="登录名" rules={[{ required: true, message: '请输入登录名' }]} extra={LOGIN_NAME_MESSAGE}>
                  <Input maxLength={32} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['admin', 'displayName']} label="管理员姓名" rules={[{ required: true, whitespace: true, message: '请填写管理员姓名' }]}>
                  <Input maxLength={30} />
                </Form.Item>
              </Col>
            </Row>
            <Alert type="info" showIcon title="创建后系统生成一次性密码，只显示一次；管理员首次登录须修改密码。" />
          </fieldset>
        )}
      </Form>
      <ProblemAlert error={unmatched} style={{ marginTop: 12 }} />
    </Modal>
  );
}
