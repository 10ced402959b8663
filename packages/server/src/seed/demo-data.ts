// The demo data set: authorities, institutions, staff and a qualification database of 36 records.
// Names and numbers are made up but shaped like the real ones (valid check digits throughout).
import type { AuthorityLevel, Category, Level } from '../db/schema/index';

export const DEMO_PASSWORD = 'Medreg@2026';

export interface DemoAuthority { key: string; name: string; areaCode: string; level: AuthorityLevel; parent?: string }
export const DEMO_AUTHORITIES: DemoAuthority[] = [
  { key: 'nhc', name: '国家卫生健康委员会', areaCode: '000000', level: 'national' },
  { key: 'bj', name: '北京市卫生健康委员会', areaCode: '110000', level: 'province', parent: 'nhc' },
  { key: 'dc', name: '北京市东城区卫生健康委员会', areaCode: '110101', level: 'county', parent: 'bj' },
  { key: 'hd', name: '北京市海淀区卫生健康委员会', areaCode: '110108', level: 'county', parent: 'bj' },
  { key: 'gd', name: '广东省卫生健康委员会', areaCode: '440000', level: 'province', parent: 'nhc' },
  { key: 'sz', name: '深圳市卫生健康委员会', areaCode: '440300', level: 'city', parent: 'gd' },
  { key: 'ns', name: '深圳市南山区卫生健康局', areaCode: '440305', level: 'county', parent: 'sz' },
  { key: 'hi', name: '海南省卫生健康委员会', areaCode: '460000', level: 'province', parent: 'nhc' },
];

/** Provinces that have not enabled e-registration in the demo (seed question 六). */
export const DEMO_PROVINCES_WITHOUT_E_REGISTRATION = ['460000'];

export interface DemoInstitution {
  key: string; name: string; areaCode: string; authority: string; orgBody: string; econ: string; category: string;
  kind?: 'medical' | 'health_care' | 'prevention'; grassroots?: boolean; departments?: string[];
}
export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  { key: 'hpl', name: '北京市东城区和平里医院', areaCode: '110101', authority: 'dc', orgBody: '40071253', econ: '11', category: 'A100' },
  { key: 'hdh', name: '北京市海淀医院', areaCode: '110108', authority: 'hd', orgBody: '40088346', econ: '11', category: 'A100',
    departments: ['内科', '外科', '妇产科', '儿科', '急诊科', '口腔科', '中医科', '医学影像科'] },
  { key: 'sjq', name: '北京市海淀区四季青镇社区卫生服务中心', areaCode: '110108', authority: 'hd', orgBody: '10234567', econ: '11', category: 'B100',
    grassroots: true, departments: ['全科', '中医科', '预防保健科'] },
  { key: 'nsh', name: '深圳市南山区人民医院', areaCode: '440305', authority: 'ns', orgBody: '45575032', econ: '11', category: 'A100' },
  { key: 'hkh', name: '海口市人民医院', areaCode: '460106', authority: 'hi', orgBody: '42800216', econ: '11', category: 'A100' },
];

export interface DemoQualification {
  name: string; birthDate: string; areaCode: string; seq: number; level: Level; category: Category; examYear: number;
  /** Only an admission ticket (准考证号), no certificate yet, not yet synchronised (seed question 一). */
  ticketOnly?: boolean;
  /** The name in the qualification database differs from the ID holder's real name (seed question 五). */
  recordedName?: string;
  /** An existing registration at this institution (key), with this status. */
  registeredAt?: string; registrationStatus?: 'valid' | 'cancelled' | 'filed' | 'transferred_out'; scopes?: string[];
}

const q = (name: string, birthDate: string, areaCode: string, seq: number, level: Level, category: Category, examYear: number, extra: Partial<DemoQualification> = {}): DemoQualification =>
  ({ name, birthDate, areaCode, seq, level, category, examYear, ...extra });

export const DEMO_QUALIFICATIONS: DemoQualification[] = [
  // Qualified, not registered: ready for 首次注册 with the 资格证书编码 activation path.
  q('王晓明', '1996-03-12', '110105', 31, 'physician', 'clinical', 2024),
  q('李静怡', '1997-07-25', '110108', 42, 'physician', 'clinical', 2025),
  q('张子涵', '1995-11-02', '130102', 15, 'physician', 'dental', 2023),
  q('刘一鸣', '1994-01-19', '370102', 27, 'physician', 'public_health', 2022),
  q('陈思远', '1996-09-08', '320106', 53, 'physician', 'tcm', 2024),
  q('杨光', '1998-05-30', '410105', 11, 'assistant', 'clinical', 2025),
  q('赵雨桐', '1997-12-14', '420106', 64, 'assistant', 'tcm', 2024),
  q('黄嘉怡', '1995-04-21', '440305', 82, 'physician', 'clinical', 2023),
  q('周子墨', '1993-08-16', '510107', 19, 'assistant', 'dental', 2022),
  q('吴浩然', '1996-02-27', '330106', 37, 'physician', 'clinical', 2025),
  q('阿依古丽·买买提', '1995-06-06', '650102', 48, 'physician', 'clinical', 2024),
  q('徐可欣', '1998-10-10', '350102', 26, 'assistant', 'public_health', 2025),
  q('孙立伟', '1992-03-03', '210102', 71, 'physician', 'tcm', 2021),
  q('马晓燕', '1994-07-07', '640104', 84, 'physician', 'dental', 2023),
  // Exam passers known only by 准考证号 (no certificate yet, not synchronised).
  q('胡晨阳', '1999-01-15', '110102', 33, 'physician', 'clinical', 2026, { ticketOnly: true }),
  q('郭佳琪', '1999-04-09', '120101', 58, 'assistant', 'clinical', 2026, { ticketOnly: true }),
  q('何俊杰', '1998-09-21', '310104', 17, 'physician', 'tcm', 2026, { ticketOnly: true }),
  q('林诗雨', '1999-12-01', '350203', 62, 'physician', 'dental', 2026, { ticketOnly: true }),
  // Name in the qualification database does not match the ID holder (资格补改 cases).
  q('罗志强', '1990-05-18', '430102', 39, 'physician', 'clinical', 2015, { recordedName: '罗志刚' }),
  q('梁雪', '1991-11-23', '450103', 76, 'physician', 'public_health', 2016, { recordedName: '梁雪梅' }),
  // Registered physicians (valid registrations): activation by an institution code.
  q('宋建国', '1975-02-14', '110101', 13, 'physician', 'clinical', 2000, { registeredAt: 'hpl', scopes: ['11'] }),
  q('郑丽华', '1980-06-30', '110102', 24, 'physician', 'clinical', 2005, { registeredAt: 'hpl', scopes: ['13'] }),
  q('谢文博', '1982-09-09', '110108', 35, 'physician', 'clinical', 2007, { registeredAt: 'hdh', scopes: ['12'] }),
  q('韩梅', '1985-03-27', '110108', 46, 'physician', 'dental', 2010, { registeredAt: 'hdh', scopes: ['31'] }),
  q('唐振华', '1978-12-12', '110108', 57, 'physician', 'tcm', 2003, { registeredAt: 'hdh', scopes: ['51'] }),
  q('冯小川', '1988-08-08', '110108', 68, 'assistant', 'clinical', 2012, { registeredAt: 'sjq', scopes: ['21'] }),
  q('曹敏', '1983-04-04', '440305', 79, 'physician', 'clinical', 2008, { registeredAt: 'nsh', scopes: ['11'] }),
  q('邓超然', '1986-10-18', '440304', 81, 'physician', 'public_health', 2011, { registeredAt: 'nsh', scopes: ['41'] }),
  // Registered in a region without e-registration (海南): apply without activating (seed question 六).
  q('彭海生', '1984-07-19', '460106', 92, 'physician', 'clinical', 2009, { registeredAt: 'hkh', scopes: ['11'] }),
  q('曾雅琴', '1987-01-26', '460105', 14, 'physician', 'tcm', 2012, { registeredAt: 'hkh', scopes: ['51'] }),
  // Registrations no longer valid (注销 / 备案 / 变更出): activation by 资格证书编码 (seed question 三).
  q('蒋明', '1979-05-05', '110105', 25, 'physician', 'clinical', 2004, { registeredAt: 'hpl', registrationStatus: 'cancelled', scopes: ['11'] }),
  q('蔡琳', '1981-11-11', '110108', 36, 'physician', 'clinical', 2006, { registeredAt: 'hdh', registrationStatus: 'filed', scopes: ['14'] }),
  q('贾明轩', '1989-02-02', '440305', 47, 'physician', 'dental', 2013, { registeredAt: 'nsh', registrationStatus: 'transferred_out', scopes: ['31'] }),
  q('丁宁', '1990-09-29', '110101', 58, 'assistant', 'clinical', 2014, { registeredAt: 'hpl', registrationStatus: 'cancelled', scopes: ['11'] }),
  q('魏然', '1993-06-16', '110108', 69, 'physician', 'public_health', 2019),
  q('薛凯', '1992-12-24', '110101', 70, 'assistant', 'tcm', 2018),
];

/** The ready-to-use physician account of the demo: activated, qualified, not yet registered. */
export const DEMO_PHYSICIAN_LOGIN = {
  loginName: 'doctor_demo', qualificationName: '王晓明', phone: '13800138000', email: 'doctor_demo@example.cn',
  tryThis: '已激活，尚未注册 → 可试「首次注册」',
};
