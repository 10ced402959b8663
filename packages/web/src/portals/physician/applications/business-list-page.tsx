/**
 * 业务申请 (/physician/applications/new): the businesses a physician can start, after the question of seed 二
 * (「什么情况下无法进行电子化注册」). Only 注册 (首次注册) is open online; the others show 暂未开放.
 */
import { Alert, Button, Card, Flex, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/page-header';
import { ProblemAlert } from '../../../components/problem-alert';
import { useBusinessCatalogue, useStartApplication } from './applications-api';

/** The seed's name for a business where it differs from the catalogue's. */
const SEED_NAMES: Record<string, string> = { first_registration: '注册（首次注册）', assistant_upgrade: '助理升执业', multi_site_filing: '多执业机构备案' };
const DESCRIPTIONS: Record<string, string> = {
  first_registration: '首次医师注册，或者助理升执业改变注册地点：如实填写各项信息后提交，等待医疗机构审核后在机构端打印《医师执业注册申请审核表》。',
  additional_registration: '执业医师在其他省份增加执业地点，保留原注册。',
  change_registration: '变更执业地点、主要执业机构、执业类别或执业范围。',
  assistant_upgrade: '同一医疗机构内，执业助理医师取得执业医师资格后注册为执业医师。',
  multi_site_filing: '在主要执业机构以外的医疗机构执业的备案。',
  cancellation: '本人申请注销执业注册。',
  re_registration: '中止执业活动满二年或不予注册情形消失后重新注册。',
};

export function BusinessListPage() {
  const navigate = useNavigate();
  const catalogue = useBusinessCatalogue();
  const start = useStartApplication();
  const [special, setSpecial] = useState<'none' | 'yes' | undefined>(undefined);
  const [specialCase, setSpecialCase] = useState<string | undefined>(undefined);

  const onStart = (businessType: string) => {
    start.mutate(
      { businessType, ...(special === 'yes' && specialCase ? { specialCase } : {}) },
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

  const answered = special === 'none' || (special === 'yes' && specialCase !== undefined);
  const refusal = isApiError(start.error) && start.error.code === 'BUSINESS_NOT_AVAILABLE_ONLINE' ? start.error : null;

  return (
    <>
      <PageHeader title="业务申请" description="请先确认您的情况，再选择要办理的业务，点击【办理】。" />
      <ProblemAlert error={catalogue.error} />
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

      {refusal ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`「${String(refusal.problem.label ?? '')}」无法通过电子化注册系统办理`}
          description={String(refusal.problem.explanation ?? refusal.detail)}
          data-problem-code={refusal.code}
        />
      ) : (
        start.error && !(isApiError(start.error) && start.error.code === 'APPLICATION_ALREADY_OPEN') && <ProblemAlert error={start.error} style={{ marginBottom: 16 }} />
      )}

      <List
        bordered
        loading={catalogue.isPending}
        dataSource={catalogue.data?.businessTypes ?? []}
        renderItem={(b) => (
          <List.Item
            actions={[
              b.available ? (
                <Button key="go" type="primary" disabled={!answered} loading={start.isPending && start.variables?.businessType === b.type} onClick={() => onStart(b.type)}>
                  办理
                </Button>
              ) : (
                <Button key="go" disabled>暂未开放</Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{SEED_NAMES[b.type] ?? b.label}</span>
                  {!b.available && <Tag>暂未开放</Tag>}
                </Space>
              }
              description={DESCRIPTIONS[b.type]}
            />
          </List.Item>
        )}
      />
      {!answered && (
        <Flex style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">请先回答上面的问题。</Typography.Text>
        </Flex>
      )}
    </>
  );
}
