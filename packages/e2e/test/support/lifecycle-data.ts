/**
 * The physicians the registration-lifecycle journeys start from: one per business type, each with an activated
 * account (password DEMO_PASSWORD) and a valid registration in 北京市海淀区. Seeded by seed-lifecycle.ts.
 */
type Level = 'physician' | 'assistant';
type Category = 'clinical' | 'tcm' | 'dental' | 'public_health';

export interface LifecyclePhysician {
  name: string;
  loginName: string;
  phone: string;
  areaCode: string;
  birthDate: string;
  seq: number;
  qualifications: { level: Level; category: Category; examYear: number }[];
  registration: { institution: string; level: Level; category: Category; scopes: string[]; approvedOn: string };
}

const HOSPITAL = '北京市海淀医院';

export const LIFECYCLE_PHYSICIANS = {
  /** BT-04: an 执业助理医师 registered in 海淀区 who has since passed the 执业医师 exam of the same category. */
  upgrade: {
    name: '冯晓东', loginName: 'upgrade_journey', phone: '13700000401', areaCode: '110108', birthDate: '1990-04-18', seq: 23,
    qualifications: [{ level: 'assistant', category: 'clinical', examYear: 2016 }, { level: 'physician', category: 'clinical', examYear: 2024 }],
    registration: { institution: HOSPITAL, level: 'assistant', category: 'clinical', scopes: ['11'], approvedOn: '2017-03-15' },
  },
  /**
   * BT-03 变更执业范围: a 执业医师 in 内科 at a 社区卫生服务中心 (a clinician there may hold up to three scopes,
   * 卫医发〔2001〕169号) who has trained two years in 外科.
   */
  change: {
    name: '程立新', loginName: 'change_journey', phone: '13700000301', areaCode: '110105', birthDate: '1986-09-02', seq: 41,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2010 }],
    registration: { institution: '北京市海淀区四季青镇社区卫生服务中心', level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2011-05-20' },
  },
  /** BT-02 增加执业地点: a 执业医师 in 北京 who will also practise in 广东. */
  additional: {
    name: '孔德明', loginName: 'additional_journey', phone: '13700000201', areaCode: '110102', birthDate: '1981-12-07', seq: 15,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2006 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2007-06-01' },
  },
  /** BT-05 多机构备案: a 执业医师 who will also practise at 北京市东城区和平里医院. */
  filing: {
    name: '白雪松', loginName: 'filing_journey', phone: '13700000501', areaCode: '110101', birthDate: '1984-02-23', seq: 37,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2009 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2010-04-12' },
  },
} as const satisfies Record<string, LifecyclePhysician>;

/** 科室 the demo data does not give these institutions (a 增加执业地点 picks one there). */
export const LIFECYCLE_DEPARTMENTS: Record<string, string[]> = {
  深圳市南山区人民医院: ['内科', '外科', '急诊科'],
  北京市东城区和平里医院: ['内科', '外科', '儿科'],
};

/**
 * BT-08 重新注册: a 执业医师 whose registration at 北京市海淀医院 was cancelled by the authority (健康状况不宜执业, no bar)
 * and who has since recovered, passed the assessment and trained six months. The old certificate's QR token is fixed
 * so the journey can open its verification page. Seeded by seed-lifecycle.ts (seedCancelledPhysicians).
 */
export const CANCELLED_PHYSICIANS = {
  reRegistration: {
    name: '沈复明', loginName: 'reregister_journey', phone: '13700000801', areaCode: '110106', birthDate: '1983-07-19', seq: 52,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2008 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2009-08-20' },
    cancelledOn: '2025-06-30',
    verifyToken: '8e0b2f6a4c1d4e7f9a3b5c7d9e1f2a4b',
  },
} as const satisfies Record<string, LifecyclePhysician & { cancelledOn: string; verifyToken: string }>;
