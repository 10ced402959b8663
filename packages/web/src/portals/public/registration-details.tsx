import { Descriptions } from 'antd';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import { statusColor, type PublicFiling, type PublicRegistration } from './api';

/** The public items of one registration (详细 drawer and the verification page). */
export function RegistrationDetails({ registration: r, column = 1 }: { registration: PublicRegistration; column?: number }) {
  return (
    <Descriptions
      bordered
      size="middle"
      column={column}
      className="registration-details"
      items={[
        { key: 'name', label: '姓名', children: r.name },
        { key: 'sex', label: '性别', children: r.sex },
        { key: 'level', label: '执业级别', children: r.levelLabel },
        { key: 'category', label: '执业类别', children: r.categoryLabel },
        { key: 'scopes', label: '执业范围', children: r.scopes.join('、') },
        { key: 'place', label: '执业地点', children: r.practiceLocation },
        { key: 'institution', label: '主要执业机构', children: r.institutionName },
        ...(r.filings.length > 0 ? [{ key: 'filings', label: '备案机构', children: <FilingList filings={r.filings} /> }] : []),
        { key: 'code', label: '执业证书编码', children: <span className="licence-code">{r.licenceCode ?? '—'}</span> },
        { key: 'authority', label: '发证机关', children: r.issuingAuthority },
        {
          key: 'status',
          label: '注册状态',
          children: (
            <>
              <StatusTag label={r.statusLabel} color={statusColor(r.status)} />
              {r.cancellation
                ? <span className="status-since">{formatDate(r.cancellation.effectiveOn)} 注销{r.cancellation.groundLabel ? `（${r.cancellation.groundLabel}）` : ''}</span>
                : r.statusSince && <span className="status-since">自 {formatDate(r.statusSince)} 起</span>}
            </>
          ),
        },
      ]}
    />
  );
}

/** 备案机构 (多机构备案): each institution with its 执业范围 and 有效期. */
function FilingList({ filings }: { filings: PublicFiling[] }) {
  return (
    <ul className="filing-list">
      {filings.map((f) => (
        <li key={`${f.institutionName}-${f.validFrom}`}>
          <div>{f.institutionName}</div>
          <div className="filing-list__meta">{f.scopes.join('、')}；有效期 {formatDate(f.validFrom)} 至 {formatDate(f.validTo)}</div>
        </li>
      ))}
    </ul>
  );
}
