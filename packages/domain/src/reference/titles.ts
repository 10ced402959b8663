/**
 * 任职资格 (professional title) of a physician, as the registration form and the health-statistics
 * survey show them (domain §4.9, [S26]). `grade` is the 职称 level the title belongs to.
 */
export const PHYSICIAN_TITLES = ['assistant_doctor', 'resident', 'attending', 'associate_chief', 'chief'] as const;
export type PhysicianTitle = (typeof PHYSICIAN_TITLES)[number];

export const PHYSICIAN_TITLE_INFO = {
  assistant_doctor: { label: '医士', grade: '初级（士）' },
  resident: { label: '住院医师', grade: '初级（师）' },
  attending: { label: '主治医师', grade: '中级' },
  associate_chief: { label: '副主任医师', grade: '副高级' },
  chief: { label: '主任医师', grade: '正高级' },
} as const satisfies Record<PhysicianTitle, { label: string; grade: string }>;

export function isPhysicianTitle(value: unknown): value is PhysicianTitle {
  return (PHYSICIAN_TITLES as readonly unknown[]).includes(value);
}
