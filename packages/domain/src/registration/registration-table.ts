/**
 * The registration record's lifecycle as ONE table (domain §3.2; architecture § Business types as definitions):
 * every change to a registration is one of these events, caused by what its row names. The server applies a
 * decision's effects (../business) only through `registrationTransition`.
 *
 *  open                      —         → 有效     a granted BT-01/02/03/04/08 (《医师法》第十三条; a change of main
 *                                                  institution or of 执业地点 is a new registration, 办法第二十条)
 *  change_items              有效      → 有效     BT-03 category or scope, history kept (《医师法》第十八条)
 *  transfer_out              有效/备案 → 变更出   BT-03 to another 执业地点: 区内到区外变更 [S11][S17]
 *  change_main_institution   有效/备案 → 变更出   BT-03 new main institution, a new registration (办法第二十条)
 *  close_for_upgrade         有效      → 变更出   BT-04 助理升执业: the assistant registration closes (§2.2 BT-04 [I])
 *  file_departure            有效      → 备案     the institution reports 调离、退休、退职、辞退、开除 (BT-06 [S6])
 *  return_from_filing        备案      → 有效     the same main institution employs the physician again (§3.2 [I])
 *  suspend                   有效      → 中止     failed 定期考核 (《医师法》第四十二条) or a penalty (第五十五条至第五十七条)
 *  resume                    中止      → 有效     re-assessment passed, or the suspension ended
 *  cancel                    有效/中止/备案 → 注销 BT-07, or ex officio (《医师法》第十七条)
 *  lapse_filed               备案      → 注销     2 years in 备案 without practice (BT-06 [S6])
 *  lapse_suspended           中止      → 注销     中止执业活动满二年 (《医师法》第十七条第一款第五项)
 *
 * 变更出 and 注销 are final. 重新注册 (BT-08, 《医师法》第十九条) is `open` of a new record (see registration-status.ts).
 */
import { decision, institutionReport, scheduled, supervision } from './lifecycle-causes';
import type { RegistrationStatus } from './registration-status';
import type { StateTable } from './state-table';

export const REGISTRATION_EVENTS = [
  'open',
  'change_items',
  'transfer_out',
  'change_main_institution',
  'close_for_upgrade',
  'file_departure',
  'return_from_filing',
  'suspend',
  'resume',
  'cancel',
  'lapse_filed',
  'lapse_suspended',
] as const;
export type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

export const REGISTRATION_TABLE = {
  open: {
    label: '准予注册', from: [null], to: 'valid', basis: '《医师法》第十三条；《医师执业注册管理办法》第二十条',
    causes: [
      decision('first_registration'), decision('additional_registration'), decision('change_registration'),
      decision('assistant_upgrade'), decision('re_registration'),
    ],
  },
  change_items: { label: '变更注册事项', from: ['valid'], to: 'valid', basis: '《医师法》第十八条', causes: [decision('change_registration')] },
  transfer_out: {
    label: '区内到区外变更', from: ['valid', 'filed'], to: 'transferred_out', basis: 'domain §3.2 [S11][S17]', causes: [decision('change_registration')],
  },
  change_main_institution: {
    label: '变更主要执业机构（重新办理注册）', from: ['valid', 'filed'], to: 'transferred_out', basis: '《医师执业注册管理办法》第二十条',
    causes: [decision('change_registration')],
  },
  close_for_upgrade: {
    label: '助理升执业（注册为执业医师）', from: ['valid'], to: 'transferred_out', basis: 'domain §2.2 BT-04 [I]', causes: [decision('assistant_upgrade')],
  },
  file_departure: { label: '注册备案', from: ['valid'], to: 'filed', basis: 'domain §2.2 BT-06 [S6]', causes: [institutionReport('departure')] },
  return_from_filing: { label: '原机构重新聘用', from: ['filed'], to: 'valid', basis: 'domain §3.2 [I]', causes: [institutionReport('rehired')] },
  suspend: {
    label: '中止执业', from: ['valid'], to: 'suspended', basis: '《医师法》第四十二条、第五十五条至第五十七条',
    causes: [supervision('assessment_failed'), supervision('penalty_suspension')],
  },
  resume: {
    label: '恢复执业', from: ['suspended'], to: 'valid', basis: '《医师法》第四十二条',
    causes: [supervision('reassessment_passed'), scheduled('suspension_ended')],
  },
  cancel: {
    label: '注销注册', from: ['valid', 'suspended', 'filed'], to: 'cancelled', basis: '《医师法》第十七条',
    causes: [decision('cancellation'), supervision('reassessment_failed'), supervision('penalty_revocation'), supervision('cancellation_trigger')],
  },
  lapse_filed: { label: '备案满二年注销', from: ['filed'], to: 'cancelled', basis: 'domain §2.2 BT-06 [S6]', causes: [scheduled('filed_two_years')] },
  lapse_suspended: {
    label: '中止执业满二年注销', from: ['suspended'], to: 'cancelled', basis: '《医师法》第十七条第一款第五项', causes: [scheduled('suspended_two_years')],
  },
} as const satisfies StateTable<RegistrationStatus, RegistrationEvent>;
