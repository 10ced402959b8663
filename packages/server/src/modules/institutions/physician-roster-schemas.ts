import { z } from 'zod';
import { DEPARTURE_REASONS, DepartureReportForm, LATEST_ASSESSMENT_FILTERS, REGISTRATION_STATUSES, normalizePhysicianName, plainText } from '@medreg/domain';

/** Query-string values the browser leaves empty count as absent. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** 本机构医师: filter by 注册状态, 最近定期考核 and 姓名, latest 批准日期 first, keyset-paginated. */
export const PhysicianRosterQuery = z.object({
  status: optional(z.enum(REGISTRATION_STATUSES, '未知的注册状态')),
  /** 最近定期考核: the latest periodic result is 合格 / 不合格 / 未参加, or none on file (`none`, 未登记). */
  assessment: optional(z.enum(LATEST_ASSESSMENT_FILTERS, '未知的考核结果（应为 passed、failed、absent 或 none）')),
  /** 姓名, exact. */
  name: optional(plainText().max(30, '姓名不超过30个字').transform(normalizePhysicianName)),
  cursor: optional(z.string().max(300)),
  limit: z.coerce.number('每页条数应为1–100').int('每页条数应为1–100').min(1, '每页条数应为1–100').max(100, '每页条数应为1–100').default(20),
});
export type PhysicianRosterQuery = z.output<typeof PhysicianRosterQuery>;

/** The last 注册备案 reported for the registration (domain §2.2 BT-06). */
export const DepartureReportView = z.object({
  reason: z.enum(DEPARTURE_REASONS),
  reasonLabel: z.string(),
  /** 离职手续办理日期. */
  leftOn: z.string(),
  reportedOn: z.string(),
  /** Reported more than 30 days after leftOn (逾期报告). */
  late: z.boolean(),
  note: z.string().nullable(),
});

export const RosterPhysician = z.object({
  registrationId: z.string(),
  physicianName: z.string(),
  /** 身份证号, masked: the institution never sees it in full. */
  idNumberMasked: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  scopes: z.array(z.object({ code: z.string(), name: z.string() })),
  licenceCode: z.string().nullable(),
  approvedOn: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  /** 最近一次定期考核: its cycle (「2024–2026」) and result (合格/不合格/未参加). */
  latestAssessment: z.object({ cycleLabel: z.string(), result: z.string(), resultLabel: z.string() }).nullable(),
  departure: DepartureReportView.nullable(),
  /** 是否修改过信息: an approved 个人信息修改 (BT-11) changed the registration-side data. */
  infoEdited: z.boolean(),
  /** What this institution may do on the row now (from REGISTRATION_TABLE). */
  /** reportCancellation: 报告注销情形 (《医师法》第十七条第二款) while the registration is 有效、中止 or 注册备案. */
  abilities: z.object({ reportDeparture: z.boolean(), reportCancellation: z.boolean() }),
});

export const PhysicianRosterPage = z.object({
  items: z.array(RosterPhysician),
  /** How many registrations match the filters (all pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type PhysicianRosterPage = z.infer<typeof PhysicianRosterPage>;

export const DepartureReportBody = DepartureReportForm;

export const DepartureReportResponse = z.object({
  registrationId: z.string(),
  status: z.literal('filed'),
  statusLabel: z.string(),
  reason: z.enum(DEPARTURE_REASONS),
  reasonLabel: z.string(),
  leftOn: z.string(),
  reportedOn: z.string(),
  /** The last on-time day: 30 calendar days after leftOn. */
  dueOn: z.string(),
  late: z.boolean(),
  /** 有效 multi-site filings of the registration that ended with it. */
  endedFilings: z.number().int(),
});
