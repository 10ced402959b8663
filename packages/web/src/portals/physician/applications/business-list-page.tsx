/**
 * 业务申请 (/physician/applications/new): the businesses a physician can start.
 *  - 注册（首次注册） after the question of seed 二 (「什么情况下无法进行电子化注册」), asked of a physician without
 *    a registration;
 *  - the businesses of the generic path (增加执业地点、变更注册、助理升执业、多机构备案、补发/换领) from
 *    GET /api/v1/physician/business-options: on which registration (or filing) each can be started, and when it
 *    cannot, why (the definition's refusals). 【办理】 asks which one when there are several.
 *  - a type not yet on the generic path says 暂未开放.
 */
import { Alert, Button, Card, Collapse, Flex, List, Radio, Space, Tag, Typography } from 'antd';
import { CHANGE_EXEMPTIONS } from '@medreg/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/page-header';
import { ProblemAlert } from '../../../components/problem-alert';
import { useBusinessCatalogue, useStartApplication } from './applications-api';
import { editPath, useBusinessOptions, useStartBusiness, type BusinessOption, type BusinessOptions } from './business-api';
import './applications.css';
import './business/business.css';
import { SubjectChoice, subjectLabel, type Subject } from './business/subject-choice';

/** The seed's name for a business where it differs from the catalogue's. */
const SEED_NAMES: Record<string, string> = { first_registration: '注册（首次注册）', assistant_upgrade: '助理升执业', multi_site_filing: '多执业机构备案' };
const DESCRIPTIONS: Record<string, string> = {
  first_registration: '首次医师注册，或者助理升执业改变注册地点：如实填写各项信息后提交，等待医疗机构审核后在机构端打印《医师执业注册申请审核表》。',
  additional_registration: '执业医师在其他省份的医疗机构增加执业地点，原执业地点的注册继续有效。',
  change_registration: '变更执业地点、主要执业机构、执业类别或执业范围，原注册按新的注册事项换发证书。',
  assistant_upgrade: '执业助理医师取得同类别执业医师资格后，在原主要执业机构（或同时变更机构）注册为执业医师。',
  multi_site_filing: '在主要执业机构以外的医疗机构执业的备案：新增、修改或终止备案。',
  certificate_reissue: '执业证书遗失、损毁，或证书所载信息变更后，申请补发或换领执业证书（执业证书编码不变）。',
  cancellation: '本人主动申请注销执业注册（有效、中止或注册备案的注册），准予后执业证书同时废止并予公告。',
  re_registration: '执业注册被注销后（含注册备案满二年被注销），不予注册的期限已满，经考核合格并完成六个月以上连续培训后重新注册。',
};

function clockText(b: BusinessOption): string {
  if (b.statutoryWorkingDays) return `法定办理时限 ${b.statutoryWorkingDays} 个工作日`;
  return b.type === 'multi_site_filing' ? '备案，不是执业许可，无法定审批时限' : '无法定审批时限';
}

/** One business of the generic path with the records it can start from. */
function GenericBusiness({ b, options, onStart, pending }: { b: BusinessOption; options: BusinessOptions; onStart: (b: BusinessOption) => void; pending: boolean }) {
  const subjects = b.subjects;
  return (
    <Card size="small" className="business-card" data-business={b.type}
      title={<Space wrap size={8}><span>{SEED_NAMES[b.type] ?? b.label}</span><Tag>{b.id}</Tag></Space>}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{DESCRIPTIONS[b.type]}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{clockText(b)}</Typography.Paragraph>
      {(b.explanation || b.type === 'change_registration') && (
        <Collapse size="small" className="business-guidance" items={[
          ...(b.explanation ? [{ key: 'explanation', label: '增加执业地点注册与变更注册有什么区别？', children: <Typography.Paragraph style={{ margin: 0 }}>{b.explanation}</Typography.Paragraph> }] : []),
          ...(b.type === 'change_registration' ? [{
            key: 'exemptions', label: '哪些情形无需办理变更注册？（《医师法》第十八条）',
            children: <ul className="application-rule-list">{CHANGE_EXEMPTIONS.map((t) => <li key={t}>{t}</li>)}</ul>,
          }] : []),
        ]} />
      )}
      {b.refusals.map((r) => <Alert key={r.code} type="warning" showIcon style={{ marginBottom: 8 }} title={r.message} />)}
      {subjects.length > 0 && (
        <ul className="business-subjects" aria-label={`${b.label}可依据的注册或备案`}>
          {subjects.map((s) => (
            <li key={s.filingId ?? s.registrationId} data-eligible={s.eligible}>
              <div className="business-subject-name">{subjectLabel(s as Subject, options)}</div>
              {s.eligible
                ? <span className="business-eligible">可办理</span>
                : <ul className="business-refusals">{s.refusals.map((r) => <li key={r.code}>{r.message}</li>)}</ul>}
            </li>
          ))}
        </ul>
      )}
      <Flex justify="flex-end">
        <Button type="primary" disabled={!b.available} loading={pending} onClick={() => onStart(b)}>办理</Button>
      </Flex>
    </Card>
  );
}

export function BusinessListPage() {
  const navigate = useNavigate();
  const catalogue = useBusinessCatalogue();
  const options = useBusinessOptions();
  const start = useStartApplication();
  const startBusiness = useStartBusiness();
  const [special, setSpecial] = useState<'none' | 'yes' | undefined>(undefined);
  const [specialCase, setSpecialCase] = useState<string | undefined>(undefined);
  const [choosing, setChoosing] = useState<BusinessOption | null>(null);

  const registered = (options.data?.registrations.length ?? 0) > 0;
  const generic = new Map((options.data?.businesses ?? []).map((b) => [b.type, b]));

  const onStartFirst = () => {
    start.mutate(
      { businessType: 'first_registration', ...(special === 'yes' && specialCase ? { specialCase } : {}) },
      {
        onSuccess: (app) => navigate(`/physician/applications/new/${app.id}`),
        onError: (error) => {
          // An open first registration: carry on with it.
          if (isApiError(error) && error.code === 'APPLICATION_ALREADY_OPEN' && typeof error.problem.applicationId === 'string') {
            const editable = error.problem.state === 'draft' || error.problem.state === 'returned_by_institution';
            navigate(editable ? `/physician/applications/new/${error.problem.applicationId}` : `/physician/applications/${error.problem.applicationId}`);
          }
        },
      },
    );
  };

  const begin = (b: BusinessOption, subject: Subject) => {
    startBusiness.mutate(
      { businessType: b.type, ...(subject.filingId ? { filingId: subject.filingId } : { registrationId: subject.registrationId }) },
      {
        onSuccess: (app) => { setChoosing(null); navigate(editPath(app)); },
        onError: (error) => {
          // A draft of this business on that record already exists: carry on with it.
          if (isApiError(error) && error.code === 'APPLICATION_ALREADY_OPEN' && typeof error.problem.applicationId === 'string') {
            setChoosing(null);
            navigate(`/physician/applications/new/business/${error.problem.applicationId}`);
          }
        },
      },
    );
  };

  const onStartGeneric = (b: BusinessOption) => {
    startBusiness.reset();
    const eligible = b.subjects.filter((s) => s.eligible);
    if (eligible.length === 1) begin(b, eligible[0] as Subject);
    else setChoosing(b);
  };

  const answered = registered || special === 'none' || (special === 'yes' && specialCase !== undefined);
  const refusal = isApiError(start.error) && start.error.code === 'BUSINESS_NOT_AVAILABLE_ONLINE' ? start.error : null;
  const businessError = startBusiness.error && !(isApiError(startBusiness.error) && startBusiness.error.code === 'APPLICATION_ALREADY_OPEN') ? startBusiness.error : null;

  return (
    <>
      <PageHeader title="业务申请" description={registered ? '请选择要办理的业务，点击【办理】。每项业务下列出可依据的执业注册或备案；不能办理时说明原因。' : '请先确认您的情况，再选择要办理的业务，点击【办理】。'} />
      <ProblemAlert error={catalogue.error} />
      <ProblemAlert error={options.error} style={{ marginBottom: 16 }} />
      {!registered && (
        <Card title="办理前请确认" size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph>您是否属于以下无法进行电子化注册的情形？</Typography.Paragraph>
          <Radio.Group
            value={special}
            onChange={(e) => { setSpecial(e.target.value as 'none' | 'yes'); start.reset(); }}
            options={[{ value: 'none', label: '否，均不属于' }, { value: 'yes', label: '是，属于以下情形之一' }]}
          />
          {special === 'yes' && (
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8, margin: '12px 0 0 24px' }}
              value={specialCase}
              onChange={(e) => { setSpecialCase(e.target.value as string); start.reset(); }}
              options={(catalogue.data?.ineligibleCases ?? []).map((c) => ({ value: c.case, label: c.label }))}
            />
          )}
        </Card>
      )}

      {refusal ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={`「${String(refusal.problem.label ?? '')}」无法通过电子化注册系统办理`}
          description={String(refusal.problem.explanation ?? refusal.detail)} data-problem-code={refusal.code} />
      ) : (
        start.error && !(isApiError(start.error) && start.error.code === 'APPLICATION_ALREADY_OPEN') && <ProblemAlert error={start.error} style={{ marginBottom: 16 }} />
      )}
      {!choosing && <ProblemAlert error={businessError} showFieldErrors style={{ marginBottom: 16 }} />}

      <List
        className="business-list"
        split={false}
        loading={catalogue.isPending || options.isPending}
        dataSource={catalogue.data?.businessTypes ?? []}
        renderItem={(t) => {
          const b = generic.get(t.type);
          if (b && options.data) {
            return (
              <List.Item>
                <GenericBusiness b={b} options={options.data} onStart={onStartGeneric}
                  pending={startBusiness.isPending && startBusiness.variables?.businessType === b.type && !choosing} />
              </List.Item>
            );
          }
          const open = t.type === 'first_registration' && t.available;
          return (
            <List.Item>
              <Card size="small" className="business-card" data-business={t.type}
                title={<Space wrap size={8}><span>{SEED_NAMES[t.type] ?? t.label}</span>{!open && <Tag>暂未开放</Tag>}</Space>}>
                <Typography.Paragraph>{DESCRIPTIONS[t.type]}</Typography.Paragraph>
                <Flex justify="flex-end">
                  {open
                    ? <Button type="primary" disabled={!answered} loading={start.isPending} onClick={onStartFirst}>办理</Button>
                    : <Button disabled>暂未开放</Button>}
                </Flex>
              </Card>
            </List.Item>
          );
        }}
      />
      {!answered && (
        <Flex style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">请先回答上面的问题。</Typography.Text>
        </Flex>
      )}
      {choosing && options.data && (
        <SubjectChoice business={choosing} options={options.data} pending={startBusiness.isPending} error={businessError}
          onCancel={() => setChoosing(null)} onChoose={(s) => begin(choosing, s)} />
      )}
    </>
  );
}
