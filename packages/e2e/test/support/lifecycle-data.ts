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

/**
 * Supervision on the register (定期考核, 暂停执业活动, 《医师法》第四十二条), all 执业医师 at 北京市海淀医院 under the
 * 海淀区 authority. Seeded by seed-lifecycle.ts (seedSupervisedPhysicians); fixed QR tokens so the journey can open
 * their certificates' verification pages.
 *  - failing: no result on file; the journey imports a 不合格 for 2024–2026 and orders the suspension.
 *  - suspended: 2024–2026 不合格 recorded in May 2026 and suspended 2026-06-01 至 2026-08-31 (three months, ordered
 *    through the one suspension write): the period is over, the 再次考核 is due.
 *  - absent: 未参加 in 2021–2023 and 2024–2026 (连续两个考核周期未参加, 2017 办法第十八条).
 */
export const SUPERVISED_PHYSICIANS = {
  failing: {
    name: '邵一鸣', loginName: 'assessment_journey', phone: '13700000911', areaCode: '110108', birthDate: '1987-05-14', seq: 61,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2011 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2012-07-02' },
    verifyToken: '3c5e7a9b1d2f4e6a8c0b2d4f6a8c0e1a',
  },
  suspended: {
    name: '闫立诚', loginName: 'suspended_journey', phone: '13700000912', areaCode: '110108', birthDate: '1979-11-23', seq: 63,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2003 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2004-03-18' },
    verifyToken: '5d7f9b1c3e5a7c9e1b3d5f7a9c1e3b5d',
  },
  absent: {
    name: '苗文昊', loginName: 'absent_journey', phone: '13700000913', areaCode: '110108', birthDate: '1982-08-09', seq: 65,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2006 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2007-09-10' },
    verifyToken: '7e9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e',
  },
} as const satisfies Record<string, LifecyclePhysician & { verifyToken: string }>;

/** The suspension seeded for SUPERVISED_PHYSICIANS.suspended (three months, both days included). */
export const ENDED_SUSPENSION = {
  documentNo: '京海卫医暂〔2026〕3号', decidedOn: '2026-05-20', startsOn: '2026-06-01', endsOn: '2026-08-31', assessedOn: '2026-05-10',
  training: '在北京市海淀医院内科接受三个月相关专业培训',
} as const;

/**
 * 备案满二年注销 and 重新注册: a 执业医师 at 北京市海淀医院 whom the hospital reports as retired (注册备案), who does not
 * practise for two years (the scheduled rule gives notice, then cancels), and who then registers again at
 * 北京市东城区和平里医院 with the assessment and six months' training. Seeded by seed-lifecycle.ts (seedFiledLapsePhysicians).
 */
export const FILED_LAPSE_PHYSICIANS = {
  retiring: {
    name: '韩立华', loginName: 'lapse_journey', phone: '13700000901', areaCode: '110108', birthDate: '1962-05-11', seq: 64,
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 1999 }],
    registration: { institution: HOSPITAL, level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2000-03-10' },
  },
} as const satisfies Record<string, LifecyclePhysician>;
