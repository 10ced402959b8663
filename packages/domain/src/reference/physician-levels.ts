/**
 * 执业级别 (practice level). 《医师法》第八条: 执业医师 and 执业助理医师.
 * `digit` is the level digit of the 资格证书编码 (§4.1) and 执业证书编码 (§4.2);
 * `statisticCode` is 从事专业类别 of the 卫生人力基本信息调查 (§4.9).
 */
export const PHYSICIAN_LEVELS = ['physician', 'assistant'] as const;
export type PhysicianLevel = (typeof PHYSICIAN_LEVELS)[number];

export const PHYSICIAN_LEVEL_INFO = {
  physician: { label: '执业医师', digit: '1', statisticCode: '11' },
  assistant: { label: '执业助理医师', digit: '2', statisticCode: '12' },
} as const satisfies Record<PhysicianLevel, { label: string; digit: string; statisticCode: string }>;

export function isPhysicianLevel(value: unknown): value is PhysicianLevel {
  return (PHYSICIAN_LEVELS as readonly unknown[]).includes(value);
}

/** The level of a certificate-code level digit ('1' or '2'). */
export function physicianLevelFromDigit(digit: string): PhysicianLevel | undefined {
  return PHYSICIAN_LEVELS.find((level) => PHYSICIAN_LEVEL_INFO[level].digit === digit);
}
