import { BUSINESS_TYPE_INFO, isBusinessType } from '@medreg/domain';

/**
 * What stands in for the countdown of a type without a statutory decision period (BUSINESS_TYPE_INFO
 * statutoryWorkingDays null): 多机构备案 is a filing, not a licence (domain §2.2 BT-05); 补发/换领 is an administrative
 * act on a registration already granted (BT-09). Null when the 20-working-day clock of 《医师法》第十三条 runs.
 */
export function noStatutoryClockLabel(businessType: string | undefined): string | null {
  if (!businessType || !isBusinessType(businessType) || BUSINESS_TYPE_INFO[businessType].statutoryWorkingDays !== null) return null;
  return businessType === 'multi_site_filing' ? '备案，无法定时限' : '无法定时限';
}
