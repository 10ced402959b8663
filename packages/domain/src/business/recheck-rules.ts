/**
 * Rules checked again at the decision: between submission and decision (up to 20 working days) a qualification can
 * be revoked (《医师法》第五十四条), a registration suspended or changed by another decision, an institution closed.
 * A decision is taken on the records as they are then, never on what they were at submission.
 */
export const RECHECK_RULES = ['qualification_valid', 'registration_unchanged', 'filing_unchanged', 'institution_active', 'rules_still_met'] as const;
export type RecheckRule = (typeof RECHECK_RULES)[number];

export const RECHECK_RULE_LABELS = {
  qualification_valid: '申请所依据的医师资格仍然有效',
  registration_unchanged: '提交后该注册未发生变化',
  filing_unchanged: '提交后该备案未发生变化',
  institution_active: '拟执业（备案）机构仍可办理',
  rules_still_met: '申请条件和填报规则仍然满足',
} as const satisfies Record<RecheckRule, string>;
