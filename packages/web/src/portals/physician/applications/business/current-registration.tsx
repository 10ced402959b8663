/** The registration a business starts from, as the physician has it now (业务申请 options). */
import { Descriptions, Grid, Typography } from 'antd';
import { StatusTag } from '../../../../components/status-tag';
import { EMPTY, formatDate } from '../../../../lib/format';
import { TAG_COLORS } from '../applications-api';
import type { OptionFiling, OptionRegistration } from '../business-api';

export const REGISTRATION_STATUS_COLORS: Record<string, string> = {
  valid: TAG_COLORS.green, suspended: TAG_COLORS.orange, transferred_out: TAG_COLORS.gray, filed: TAG_COLORS.gray, cancelled: TAG_COLORS.red,
};
export const FILING_STATUS_COLORS: Record<string, string> = { pending: TAG_COLORS.blue, active: TAG_COLORS.green, expired: TAG_COLORS.gray, revoked: TAG_COLORS.gray };

/** On a phone each label sits above its value, so neither is squeezed into a narrow column. */
export function useDescriptionsLayout(): 'horizontal' | 'vertical' {
  return Grid.useBreakpoint().sm === false ? 'vertical' : 'horizontal';
}

export function CurrentRegistration({ r, title = '当前执业注册' }: { r: OptionRegistration; title?: string }) {
  const layout = useDescriptionsLayout();
  return (
    <Descriptions size="small" bordered layout={layout} column={{ xs: 1, md: 2 }} title={title} className="business-current"
      items={[
        { key: 'level', label: '执业级别', children: r.levelLabel },
        { key: 'category', label: '执业类别', children: r.categoryLabel },
        { key: 'scopes', label: '执业范围', children: r.scopes.map((s) => s.label).join('、') || EMPTY },
        { key: 'place', label: '执业地点', children: r.practiceLocation.name },
        { key: 'inst', label: '主要执业机构', children: r.mainInstitution.name },
        { key: 'licence', label: '执业证书编码', children: r.licenceCode ? <Typography.Text className="mono">{r.licenceCode}</Typography.Text> : EMPTY },
        { key: 'status', label: '注册状态', children: <StatusTag label={r.statusLabel} color={REGISTRATION_STATUS_COLORS[r.status]} /> },
        { key: 'approved', label: '审核日期', children: formatDate(r.approvedOn) },
      ]}
    />
  );
}

export function CurrentFiling({ f }: { f: OptionFiling }) {
  const layout = useDescriptionsLayout();
  return (
    <Descriptions size="small" bordered layout={layout} column={{ xs: 1, md: 2 }} title="当前备案" className="business-current"
      items={[
        { key: 'inst', label: '备案机构', children: f.institution.name },
        { key: 'status', label: '备案状态', children: <StatusTag label={f.statusLabel} color={FILING_STATUS_COLORS[f.status]} /> },
        { key: 'scopes', label: '备案执业范围', children: f.scopes.map((s) => s.label).join('、') || EMPTY },
        { key: 'period', label: '有效期', children: `${formatDate(f.validFrom)} 至 ${formatDate(f.validTo)}` },
      ]}
    />
  );
}
