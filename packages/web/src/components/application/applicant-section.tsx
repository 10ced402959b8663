import { Descriptions, Flex, Grid, type DescriptionsProps } from 'antd';
import type { ApplicantView } from '../../api/application-view';
import { EMPTY, formatDate } from '../../lib/format';
import { ApplicantPhoto } from './applicant-photo';
import { DetailSection } from './detail-section';
import './application-data.css';

interface Props {
  applicant: ApplicantView;
  contact: { phone: string | null; email: string | null };
  photoUrl: string | null;
  /** Rows a portal adds after the contact (e.g. the authority's 账户 note). */
  extraItems?: DescriptionsProps['items'];
}

/** 申请人信息: who applies, how to reach them, and their photo. */
export function ApplicantSection({ applicant, contact, photoUrl, extraItems = [] }: Props) {
  const wide = Grid.useBreakpoint().sm !== false;
  return (
    <DetailSection title="申请人信息">
      <Flex gap={16} align="flex-start" wrap>
        <Descriptions
          // On a phone: one column, labels above values, and the photo on a line of its own.
          style={{ flex: '1 1 280px', minWidth: 0 }}
          size="small"
          bordered
          column={{ xs: 1, sm: 2 }}
          layout={wide ? 'horizontal' : 'vertical'}
          items={[
            { key: 'name', label: '姓名', children: applicant.name },
            { key: 'sex', label: '性别', children: applicant.sexLabel },
            { key: 'idNumber', label: '身份证号', children: <span className="app-data-mono">{applicant.idNumber}</span> },
            { key: 'birth', label: '出生日期', children: formatDate(applicant.birthDate) },
            { key: 'phone', label: '手机号', children: contact.phone ?? EMPTY },
            { key: 'email', label: '电子邮箱', children: contact.email ?? EMPTY },
            ...extraItems,
          ]}
        />
        <ApplicantPhoto url={photoUrl} />
      </Flex>
    </DetailSection>
  );
}
