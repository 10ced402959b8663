/**
 * 注册公告 (/public/announcements, no sign-in) — 《医师法》第二十一条: 卫生健康主管部门应当将准予注册和注销注册的人员
 * 名单及时予以公告. Choose the province and the authority, then 准予注册 or 注销注册; newest first, a page at a time.
 * The 执业证书编码 is shown as the public register shows it; never a 身份证号.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Form, Grid, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { KeysetPager } from '../../components/keyset-pager';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useKeysetPages } from '../../components/use-keyset-pages';
import type { Announcement, AnnouncementKind, AnnouncementPage, Province, PublicAuthority } from './api';
import './public.css';

const KINDS: { value: AnnouncementKind; label: string }[] = [{ value: 'registration', label: '准予注册' }, { value: 'cancellation', label: '注销注册' }];

function columns(kind: AnnouncementKind): TableColumnsType<Announcement> {
  return [
    { title: kind === 'cancellation' ? '注销日期' : '准予注册日期', dataIndex: 'date', width: 120 },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '执业证书编码', dataIndex: 'licenceCode', width: 170, render: (v: string | null) => <span className="licence-code">{v ?? '—'}</span> },
    { title: '执业级别 · 类别', key: 'level', width: 150, render: (_: unknown, r) => `${r.levelLabel} · ${r.categoryLabel}` },
    { title: '执业机构', dataIndex: 'institutionName' },
    { title: '公告类别', dataIndex: 'kindLabel', width: 100 },
    ...(kind === 'cancellation' ? [{ title: '注销原因', dataIndex: 'groundLabel', width: 220 }] : []),
  ];
}

export function AnnouncementsPage() {
  const [provinceCode, setProvinceCode] = useState<string | undefined>();
  const [authorityId, setAuthorityId] = useState<string | undefined>();
  const [kind, setKind] = useState<AnnouncementKind>('cancellation');
  const pages = useKeysetPages();
  const phone = !Grid.useBreakpoint().md;
  const provinces = useQuery({
    queryKey: ['reference', 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/api/v1/reference/regions/provinces'),
  });
  const authorities = useQuery({
    queryKey: ['public', 'authorities', provinceCode],
    queryFn: () => api.get<{ items: PublicAuthority[] }>('/api/v1/public/authorities', { query: { provinceCode: provinceCode! } }),
    enabled: provinceCode !== undefined,
  });
  const list = useQuery({
    queryKey: ['public', 'announcements', authorityId, kind, pages.cursor],
    queryFn: () => api.get<AnnouncementPage>('/api/v1/public/announcements', {
      query: { authorityId: authorityId!, kind, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
    }),
    enabled: authorityId !== undefined,
    placeholderData: keepPreviousData,
  });

  return (
    <div className="public-page">
      <PageHeader title="注册公告" description="卫生健康主管部门准予注册和注销注册的医师名单（《医师法》第二十一条）。请选择发布公告的部门。" />
      <Form layout="vertical" className="announcement-filters">
        <Form.Item label="省份" htmlFor="announcement-province">
          <Select id="announcement-province" placeholder="请选择省份" showSearch optionFilterProp="label" loading={provinces.isPending} value={provinceCode}
            options={provinces.data?.items.map((p) => ({ value: p.code, label: p.name }))}
            onChange={(v: string) => { setProvinceCode(v); setAuthorityId(undefined); pages.reset(); }} />
        </Form.Item>
        <Form.Item label="发布部门" htmlFor="announcement-authority">
          <Select id="announcement-authority" placeholder="请选择卫生健康主管部门" disabled={!provinceCode} loading={authorities.isFetching}
            value={authorityId} showSearch optionFilterProp="label"
            options={authorities.data?.items.map((a) => ({ value: a.id, label: a.name }))}
            onChange={(v: string) => { setAuthorityId(v); pages.reset(); }} />
        </Form.Item>
        <Form.Item label="公告类别">
          <Segmented<AnnouncementKind> options={KINDS} value={kind} onChange={(v) => { setKind(v); pages.reset(); }} />
        </Form.Item>
      </Form>
      <ProblemAlert error={provinces.error ?? authorities.error ?? list.error} style={{ marginBottom: 12 }} />
      {authorityId === undefined
        ? <Empty description="请选择省份和发布公告的卫生健康主管部门" />
        : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {list.data && <Typography.Text type="secondary">{list.data.authority.name} · {list.data.kindLabel}公告</Typography.Text>}
            {phone
              ? <AnnouncementCards items={list.data?.items} />
              : (
                <Table<Announcement> rowKey={(r) => `${r.date}-${r.licenceCode}-${r.name}`} size="middle" loading={list.isFetching}
                  columns={columns(kind)} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: '暂无公告' }} />
              )}
            <KeysetPager pages={pages} nextCursor={list.data?.nextCursor} />
          </Space>
        )}
    </div>
  );
}

/** On a phone: one card per person instead of a table that would have to scroll sideways. */
function AnnouncementCards({ items }: { items: Announcement[] | undefined }) {
  if (!items) return null;
  if (items.length === 0) return <Empty description="暂无公告" />;
  return (
    <ul className="announcement-cards" aria-label="公告名单">
      {items.map((r) => (
        <li key={`${r.date}-${r.licenceCode}-${r.name}`}>
          <div className="announcement-cards__head"><span>{r.name}</span><span>{r.kindLabel} · {r.date}</span></div>
          <div className="announcement-cards__meta">执业证书编码 <span className="licence-code">{r.licenceCode ?? '—'}</span></div>
          <div className="announcement-cards__meta">{r.levelLabel} · {r.categoryLabel} · {r.institutionName}</div>
          {r.groundLabel && <div className="announcement-cards__meta">注销原因：{r.groundLabel}</div>}
        </li>
      ))}
    </ul>
  );
}
