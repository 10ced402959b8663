/**
 * 主要执业机构 (or the institution to file with): searched by its 标准名称 within a place (province or county),
 * chosen from the hits. The value is the institution id; `known` names the one already chosen when it is not
 * among the hits (a saved draft).
 */
import { Alert, Button, Empty, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../../components/problem-alert';
import { TAG_COLORS, useInstitutionSearch } from '../applications-api';

export interface InstitutionPickerProps {
  place: string | undefined;
  value?: string;
  onChange?: (id: string) => void;
  id?: string;
  known?: { id: string; name: string; areaName?: string } | null;
  /** Institutions that cannot be chosen (e.g. the current main institution), with the reason. */
  excluded?: Record<string, string>;
}

export function InstitutionPicker({ place, value, onChange, id, known, excluded = {} }: InstitutionPickerProps) {
  const [q, setQ] = useState('');
  const search = useInstitutionSearch(place, q);
  const hits = search.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="institution-picker">
      <Input.Search
        allowClear
        enterButton="查询"
        placeholder="输入机构名称中的文字，如：人民医院"
        aria-label="机构名称"
        style={{ maxWidth: 480, marginBottom: 12 }}
        onSearch={(v) => setQ(v.trim())}
        maxLength={50}
      />
      <ProblemAlert error={search.error} />
      <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as string)} style={{ width: '100%' }}>
        <List
          size="small"
          bordered
          loading={search.isFetching && hits.length === 0}
          locale={{ emptyText: <Empty description={place ? '未找到机构，请换个名称查询' : '请先选择执业地点'} /> }}
          dataSource={hits}
          style={{ maxHeight: 360, overflow: 'auto' }}
          renderItem={(i) => (
            <List.Item>
              <Radio value={i.id} disabled={Boolean(excluded[i.id])}>
                <Space wrap>
                  <span>{i.name}</span>
                  <Typography.Text type="secondary">{i.areaName}</Typography.Text>
                  {i.grassroots && <Tag color={TAG_COLORS.green}>基层医疗机构</Tag>}
                  {excluded[i.id] && <Tag>{excluded[i.id]}</Tag>}
                </Space>
              </Radio>
            </List.Item>
          )}
        />
      </Radio.Group>
      {search.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>加载更多</Button>
      )}
      {value && known && value === known.id && !hits.some((h) => h.id === value) && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} title={`已选择：${known.name}${known.areaName ? `（${known.areaName}）` : ''}`} />
      )}
    </div>
  );
}
