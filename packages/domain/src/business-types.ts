/**
 * 业务类型 — the business catalogue of domain §2.2 that physicians apply for online, and the cases the
 * e-registration system cannot handle (seed question 二 「什么情况下无法进行电子化注册」).
 * `statutoryWorkingDays`: 《医师法》第十三条、第十六条 — decide within 20 working days of 受理; a filing
 * (备案) is not a licence and has no statutory limit (§2.2 BT-05 [I]); nor is 补发/换领 of a certificate, an
 * administrative act on a registration already granted (§2.2 BT-09: "Administrative").
 */
import { defineErrors, spec } from './errors';
import { isIsoDate, todayInChina, type IsoDate } from './calendar/iso-date';
import type { PhysicianLevel } from './reference/physician-levels';

export const BUSINESS_TYPES = [
  'first_registration',
  'additional_registration',
  'change_registration',
  'assistant_upgrade',
  'multi_site_filing',
  'cancellation',
  're_registration',
  'certificate_reissue',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export interface BusinessTypeInfo {
  /** Catalogue id of domain §2.2. */
  id: string;
  label: string;
  /** 2 digits, the type segment of the 业务编号. */
  code: string;
  /** Levels that may apply (BT-02 执业医师 only, 办法第十七条; BT-04 assistants only). */
  levels: readonly PhysicianLevel[];
  statutoryWorkingDays: number | null;
}

export const BUSINESS_TYPE_INFO = {
  first_registration: { id: 'BT-01', label: '首次注册', code: '01', levels: ['physician', 'assistant'], statutoryWorkingDays: 20 },
  additional_registration: { id: 'BT-02', label: '增加执业地点注册', code: '02', levels: ['physician'], statutoryWorkingDays: 20 },
  change_registration: { id: 'BT-03', label: '变更注册', code: '03', levels: ['physician', 'assistant'], statutoryWorkingDays: 20 },
  assistant_upgrade: { id: 'BT-04', label: '助理升执业', code: '04', levels: ['assistant'], statutoryWorkingDays: 20 },
  multi_site_filing: { id: 'BT-05', label: '多机构备案', code: '05', levels: ['physician', 'assistant'], statutoryWorkingDays: null },
  cancellation: { id: 'BT-07', label: '注销注册', code: '07', levels: ['physician', 'assistant'], statutoryWorkingDays: 20 },
  re_registration: { id: 'BT-08', label: '重新注册', code: '08', levels: ['physician', 'assistant'], statutoryWorkingDays: 20 },
  certificate_reissue: { id: 'BT-09', label: '补发/换领执业证书', code: '09', levels: ['physician', 'assistant'], statutoryWorkingDays: null },
} as const satisfies Record<BusinessType, BusinessTypeInfo>;

export function isBusinessType(value: unknown): value is BusinessType {
  return (BUSINESS_TYPES as readonly unknown[]).includes(value);
}

/** Seed question 二: cases handled offline, outside the e-registration system. */
export const INELIGIBLE_CASES = ['legacy_recognition', 'hmt_qualification', 'hmt_short_term', 'foreign_short_term'] as const;
export type IneligibleCase = (typeof INELIGIBLE_CASES)[number];

// Where to go instead: general knowledge of the national rules [M] — 港澳台医师 资格认定 and 短期行医,
// 《外国医师来华短期行医暂行管理办法》 — phrased without details that vary by province.
export const INELIGIBLE_CASE_INFO = {
  legacy_recognition: {
    label: '补录老政策的认定资格',
    explanation: '按原有政策认定取得的医师资格尚未录入国家医师资格信息库，无法在线注册。请携带医师资格证书原件及身份证到省级卫生健康行政部门办事窗口申请资格补录，补录完成后再通过本系统办理注册。',
  },
  hmt_qualification: {
    label: '港澳台医师内地资格认定',
    explanation: '香港、澳门、台湾地区医师申请内地（大陆）医师资格认定，不在本系统办理。请按国家有关规定向省级卫生健康行政部门提交纸质材料，经认定取得医师资格后再办理执业注册。',
  },
  hmt_short_term: {
    label: '港澳台医师内地短期行医',
    explanation: '港澳台医师来内地（大陆）短期行医，由拟执业医疗机构所在地设区的市级以上卫生健康行政部门按短期行医的专门规定办理注册，请到该部门窗口线下办理。',
  },
  foreign_short_term: {
    label: '外国医师内地短期行医',
    explanation: '外国医师来华短期行医，按《外国医师来华短期行医暂行管理办法》由邀请或聘用单位向所在地设区的市级以上卫生健康行政部门申请注册，请到该部门窗口线下办理。',
  },
} as const satisfies Record<IneligibleCase, { label: string; explanation: string }>;

export const BusinessCodeErrors = defineErrors({
  BUSINESS_CODE_INVALID: spec(500, '业务编号生成失败', 'Cannot build the business number'),
});

export const BUSINESS_SEQUENCE_MAX = 99_999_999;
const BUSINESS_CODE = /^BT(\d{2})(\d{4})(\d{2})(\d{2})(\d{8})$/;

/**
 * 业务编号 (business number, §2.1 [S20]) — 'BT' + 2-digit type code + YYYYMMDD (the day the application was
 * created, Beijing time) + 8-digit sequence of that day: 20 characters, upper-case letters and digits only,
 * so it fits Code 128 on the printed 审核表. E.g. businessCode('first_registration', '2026-10-08', 17)
 * → 'BT012026100800000017'.
 */
export function businessCode(type: BusinessType, date: IsoDate | Date, seq: number): string {
  const day = date instanceof Date ? todayInChina(date) : date;
  if (!isIsoDate(day) || !Number.isInteger(seq) || seq < 1 || seq > BUSINESS_SEQUENCE_MAX) {
    throw BusinessCodeErrors.BUSINESS_CODE_INVALID({ detail: `业务编号参数无效：${String(day)} / ${seq}` });
  }
  return `BT${BUSINESS_TYPE_INFO[type].code}${day.replace(/-/g, '')}${String(seq).padStart(8, '0')}`;
}

/** Reads a business number back; undefined when it is not one. */
export function parseBusinessCode(code: string): { type: BusinessType; date: IsoDate; seq: number } | undefined {
  const m = BUSINESS_CODE.exec(code.trim().toUpperCase());
  if (!m) return undefined;
  const type = BUSINESS_TYPES.find((t) => BUSINESS_TYPE_INFO[t].code === m[1]);
  const date = `${m[2]}-${m[3]}-${m[4]}`;
  if (!type || !isIsoDate(date)) return undefined;
  return { type, date, seq: Number(m[5]) };
}
