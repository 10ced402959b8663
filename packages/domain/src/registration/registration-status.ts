/**
 * 注册状态 — the status of a registration record (domain §3.1 B). One record per physician × 执业地点, with one
 * main institution and 0..n filings (§5.2). 有资格未注册 and 申请中 are not statuses of a record: the first is "no
 * record" (`null` in the transition table), the second is the application's state (../workflow).
 *
 * Vocabulary decisions (domain §3.2):
 *  - No status is added for a record closed because the registration continues in a new one — a change of
 *    执业地点 (区内到区外变更 [S11]), of 主要执业机构 (a new registration, 《医师执业注册管理办法》第二十条), or 助理升执业
 *    (BT-04, "old row closed" [I]). All three are `transferred_out` (变更出), told apart by the event that closed the
 *    record (kept as its status reason: `REGISTRATION_TABLE[event].label`). They are not 注销: 注销 is announced
 *    (《医师法》第二十一条), voids the certificate and can bar a new application (第十六条第四项); being replaced by a
 *    new registration does none of that. The FAQ counts 变更出 among the 无效状态 [S11], which is what these are.
 *  - 变更中 is not a status either: while a change is pending the record stays 有效 under its old items (the
 *    physician may not practise under the new ones before approval, domain §2.2 BT-03), and the pending application
 *    shows it (`registrationStatusLabel(status, { changePending: true })` → 「有效（变更中）」).
 *  - 重新注册 (BT-08) opens a new record: 注销 stays on the old one, as announced, with the date the bars of
 *    《医师法》第十六条 count from.
 */
export const REGISTRATION_STATUSES = ['valid', 'transferred_out', 'filed', 'suspended', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS = {
  valid: '有效',
  transferred_out: '变更出',
  filed: '注册备案',
  suspended: '中止',
  cancelled: '注销',
} as const satisfies Record<RegistrationStatus, string>;

/** How a record with no status reads (有资格未注册, §3.1 B [S11]). */
export const NO_REGISTRATION_LABEL = '有资格未注册';

/**
 * 无效状态 of the official FAQ [S11]: 注册备案, 注销, 区内到区外变更 (变更出). Such a physician cannot get an
 * activation code from an institution and activates with the 资格证书编码 (§3.3 path 3, seed 三).
 * 中止 is not among them: the registration still exists and its main institution can issue a code.
 */
export const INVALID_REGISTRATION_STATUSES = ['transferred_out', 'filed', 'cancelled'] as const satisfies readonly RegistrationStatus[];

export function isInvalidRegistrationStatus(status: RegistrationStatus): boolean {
  return (INVALID_REGISTRATION_STATUSES as readonly RegistrationStatus[]).includes(status);
}

/**
 * Records that still hold the physician's 执业地点: 有效, 中止 (suspended, not ended) and 注册备案 (left the
 * institution, may come back within 2 years). A 执业医师 has at most one per province, an assistant one in all
 * (Appendix A.2 items 5–6; 《医师执业注册管理办法》第十七条).
 */
export const HELD_REGISTRATION_STATUSES = ['valid', 'suspended', 'filed'] as const satisfies readonly RegistrationStatus[];

export function holdsPracticeLocation(status: RegistrationStatus): boolean {
  return (HELD_REGISTRATION_STATUSES as readonly RegistrationStatus[]).includes(status);
}

/** The status as the physician and the institution see it: 「有效（变更中）」 while a change is pending. */
export function registrationStatusLabel(status: RegistrationStatus | null, opts: { changePending?: boolean } = {}): string {
  if (status === null) return NO_REGISTRATION_LABEL;
  const label = REGISTRATION_STATUS_LABELS[status];
  return opts.changePending && status === 'valid' ? `${label}（变更中）` : label;
}
