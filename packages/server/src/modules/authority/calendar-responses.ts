/** Response shapes of 工作日历 (calendar-service.ts, calendar-status.ts) and of the decision period setting. */
import { z } from 'zod';
import { CALENDAR_OVERRIDE_KINDS } from '@medreg/domain';
import { Day, Instant } from '../applications/responses';

const Kind = z.enum(CALENDAR_OVERRIDE_KINDS).describe('holiday 法定节假日，workday 调休上班');

/** One day after a change: kind null is back to its plain weekday. */
export const CalendarDay = z.object({
  date: Day,
  kind: Kind.nullable(),
  name: z.string().nullable().describe('节日名称'),
  source: z.string().nullable().describe('来源：admin 手工维护；恢复为按星期时为 null'),
});

export const DecisionLimit = z.object({
  workingDays: z.number().int().describe('审批时限（工作日）'),
  source: z.enum(['setting', 'config']).describe('setting 管理员设置，config 系统默认'),
  defaultWorkingDays: z.number().int().describe('系统默认的审批时限'),
});

export const CalendarYear = z.object({
  year: z.number().int(),
  yearSource: z.enum(['dataset', 'admin', 'unknown']).describe('dataset 国务院办公厅通知数据集，admin 管理员录入，unknown 尚未录入'),
  yearEnteredAt: Instant.nullable().describe('管理员录入时间'),
  maintainedByDataset: z.boolean(),
  datasetLastYear: z.number().int().nullable().describe('数据集覆盖的最后一年'),
  canAdminister: z.boolean().describe('当前用户能否维护工作日历'),
  days: z.array(z.object({
    date: Day,
    weekday: z.string().describe('星期'),
    kind: Kind,
    name: z.string().nullable(),
    source: z.string().describe('来源：chinese-days 数据集，admin 手工维护'),
  })),
  history: z.array(z.object({
    date: Day,
    change: z.enum(['year_entry', 'correction']).describe('year_entry 整年录入，correction 逐日更正'),
    kindBefore: Kind.nullable(),
    nameBefore: z.string().nullable(),
    kindAfter: Kind.nullable(),
    nameAfter: z.string().nullable(),
    reason: z.string().nullable(),
    at: Instant,
  })).describe('最近50条变更记录，最新在前'),
  decisionLimit: DecisionLimit,
});

export const CalendarStatus = z.object({
  today: Day,
  knownThrough: z.number().int().nullable().describe('已录入节假日安排的最后一年'),
  unknownYears: z.array(z.number().int()).describe('截止日期涉及但尚未录入节假日安排的年度'),
  provisionalDueDates: z.number().int().describe('暂定的法定办结日期数'),
  upcoming: z.object({ acceptedOn: Day, dueDate: Day, provisional: z.boolean() }).describe('今天受理的业务的法定办结日期'),
  recomputing: z.boolean().describe('是否正在重算法定办结日期'),
  note: z.string().nullable(),
  canAdminister: z.boolean(),
});
