// Demo physicians who can try the businesses that change a registration (业务申请) on first start:
// 助理升执业 (BT-04), 变更注册 / 增加执业地点 / 补发换领 (BT-03, BT-02, BT-09) and 修改/终止备案 (BT-05).
// Made-up people; identities are built like the rest of the demo (valid check digits).
import type { Category, Level } from '../db/schema/index';

export interface DemoLifecyclePhysician {
  loginName: string;
  name: string;
  birthDate: string;
  /** Area and sequence of the 身份证号. */
  areaCode: string;
  seq: number;
  phone: string;
  email: string;
  /** What to try, printed after the name in the start-up banner. */
  tryThis: string;
  /** 医师资格 on file (all synchronised and valid), in the order obtained. */
  qualifications: { level: Level; category: Category; examYear: number }[];
  /** The registration held (有效), at a demo institution (key), approved on `approvedOn`. */
  registration: { at: string; level: Level; category: Category; scopes: string[]; approvedOn: string };
  /** An 有效 多机构备案 at a further institution (key) in the same 执业地点, from 1 January this year to the end of next. */
  filing?: { at: string; scopes: string[] };
}

export const DEMO_LIFECYCLE_PHYSICIANS: DemoLifecyclePhysician[] = [
  {
    // An assistant registered in 海淀区 (county) who passed the 执业医师 exam of the same category since
    // (《医师法》第九条: a 专科 assistant sits it after 2 years of registered practice).
    loginName: 'doctor_upgrade', name: '程思明', birthDate: '1994-04-18', areaCode: '110108', seq: 83,
    phone: '13800138001', email: 'doctor_upgrade@example.cn',
    tryThis: '执业助理医师（海淀区），已取得执业医师资格 → 可试「助理升执业」',
    qualifications: [{ level: 'assistant', category: 'clinical', examYear: 2018 }, { level: 'physician', category: 'clinical', examYear: 2025 }],
    registration: { at: 'sjq', level: 'assistant', category: 'clinical', scopes: ['21'], approvedOn: '2019-03-15' },
  },
  {
    // A 执业医师 at 北京市海淀医院 who also holds the 公共卫生 qualification (so a change of 执业类别 can be tried).
    loginName: 'doctor_change', name: '夏子轩', birthDate: '1987-10-05', areaCode: '110105', seq: 94,
    phone: '13800138002', email: 'doctor_change@example.cn',
    tryThis: '执业医师（北京市海淀医院）→ 可试「变更注册」「增加执业地点」「补发/换领」',
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2011 }, { level: 'physician', category: 'public_health', examYear: 2016 }],
    registration: { at: 'hdh', level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2012-03-15' },
  },
  {
    // A 执业医师 at 和平里医院 (东城区) with a filing at 北京市海淀医院, inside the same province.
    loginName: 'doctor_filing', name: '田雨萌', birthDate: '1985-12-20', areaCode: '110101', seq: 65,
    phone: '13800138003', email: 'doctor_filing@example.cn',
    tryThis: '执业医师（和平里医院），在北京市海淀医院有多机构备案 → 可试「多机构备案」修改或终止',
    qualifications: [{ level: 'physician', category: 'clinical', examYear: 2009 }],
    registration: { at: 'hpl', level: 'physician', category: 'clinical', scopes: ['11'], approvedOn: '2010-03-15' },
    filing: { at: 'hdh', scopes: ['11'] },
  },
];
