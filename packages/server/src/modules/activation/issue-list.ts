import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import {
  ACTIVATION_METHOD_LABELS, PHYSICIAN_ACCOUNT_STATUS_LABELS, PHYSICIAN_LEVEL_INFO, PRACTICE_CATEGORY_INFO,
  activationCodeRefusal, physicianAccountStatus, type PhysicianAccountStatus,
} from '@medreg/domain';
import { z } from 'zod';
import { cursorPart, decodeCursor, encodeCursor } from '../../db/cursor';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { activationCodes, physicians, registrations } from '../../db/schema/index';
import { institutionIdOf } from '../institutions/policy';
import { IssueErrors } from './issue-errors';

/** A registration that makes this institution the physician's main institution now (中止 keeps it, §3.3). */
export const CURRENT_REGISTRATION_STATUSES = ['valid', 'suspended'] as const;

/** The physician's current registration at the institution (the latest), as a LATERAL subquery. */
function currentRegistrationAt(c: Ctx, institutionId: string) {
  return c.tx
    .select({
      licenceCode: registrations.licenceCode,
      level: registrations.level,
      category: registrations.category,
      status: registrations.status,
      approvedOn: registrations.approvedOn,
    })
    .from(registrations)
    .where(and(
      eq(registrations.physicianId, physicians.id), // registrations_physician_idx
      eq(registrations.mainInstitutionId, institutionId),
      inArray(registrations.status, [...CURRENT_REGISTRATION_STATUSES]),
    ))
    .orderBy(desc(registrations.approvedOn))
    .limit(1)
    .as('reg');
}

export interface ActivationListQuery {
  name?: string;
  status?: PhysicianAccountStatus;
  cursor?: string;
  limit: number;
}

/** Keyset cursor of the list: the (name, id) of the last row shown. */
const ListCursor = z.tuple([cursorPart.name, cursorPart.id]);

function statusCondition(status: PhysicianAccountStatus): SQL {
  return status === 'no_account'
    ? isNull(physicians.accountId)
    : and(isNotNull(physicians.accountId), eq(physicians.activationStatus, status))!;
}

export type ActivationCursor = { name: string; id: string };

/** One page in the list's order (姓名, then id) on the (name, id) keyset. */
export function selectActivationPage(c: Ctx, institutionId: string, q: Pick<ActivationListQuery, 'name' | 'status'>, cursor: ActivationCursor | undefined, limit: number) {
  const reg = currentRegistrationAt(c, institutionId);
  const lastCode = c.tx
    .select({ createdAt: activationCodes.createdAt, expiresAt: activationCodes.expiresAt, usedAt: activationCodes.usedAt })
    .from(activationCodes)
    .where(and(eq(activationCodes.physicianId, physicians.id), eq(activationCodes.institutionId, institutionId))) // activation_codes_physician_idx
    .orderBy(desc(activationCodes.createdAt))
    .limit(1)
    .as('last_code');
  const where: SQL[] = [eq(physicians.mainInstitutionId, institutionId)];
  if (q.name) where.push(eq(physicians.name, q.name));
  if (q.status) where.push(statusCondition(q.status));
  if (cursor) where.push(sql`(${physicians.name}, ${physicians.id}) > (${cursor.name}::text, ${cursor.id}::uuid)`);
  return c.tx
    .select({
      id: physicians.id,
      name: physicians.name,
      sex: physicians.sex,
      idNumberMasked: physicians.idNumberMasked,
      hasAccount: sql<boolean>`${physicians.accountId} IS NOT NULL`,
      activationStatus: physicians.activationStatus,
      activationMethod: physicians.activationMethod,
      activatedAt: physicians.activatedAt,
      licenceCode: reg.licenceCode,
      level: reg.level,
      category: reg.category,
      registrationStatus: reg.status,
      lastCodeAt: lastCode.createdAt,
      lastCodeExpiresAt: lastCode.expiresAt,
      lastCodeUsedAt: lastCode.usedAt,
    })
    .from(physicians)
    .innerJoinLateral(reg, sql`true`)
    .leftJoinLateral(lastCode, sql`true`)
    .where(and(...where))
    .orderBy(asc(physicians.name), asc(physicians.id))
    .limit(limit);
}

type ActivationRow = Awaited<ReturnType<typeof selectActivationPage>>[number];

export function presentActivationRow(r: ActivationRow, now: Date) {
  const status = physicianAccountStatus(r.hasAccount, r.activationStatus);
  const refusal = activationCodeRefusal(status);
  return {
    physicianId: r.id,
    name: r.name,
    sexLabel: r.sex === 'male' ? '男' : '女',
    idNumberMasked: r.idNumberMasked,
    licenceCode: r.licenceCode,
    levelLabel: PHYSICIAN_LEVEL_INFO[r.level].label,
    categoryLabel: PRACTICE_CATEGORY_INFO[r.category].label,
    accountStatus: status,
    accountStatusLabel: PHYSICIAN_ACCOUNT_STATUS_LABELS[status],
    activationMethodLabel: r.activationMethod ? ACTIVATION_METHOD_LABELS[r.activationMethod] : null,
    activatedAt: r.activatedAt?.toISOString() ?? null,
    lastCode: r.lastCodeAt
      ? {
          issuedAt: r.lastCodeAt.toISOString(),
          expiresAt: r.lastCodeExpiresAt!.toISOString(),
          state: (r.lastCodeUsedAt ? 'used' : r.lastCodeExpiresAt! > now ? 'valid' : 'expired') as 'used' | 'valid' | 'expired',
        }
      : null,
    canIssueCode: refusal === null,
    cannotIssueReason: refusal,
  };
}
export type PresentedActivationRow = ReturnType<typeof presentActivationRow>;

/**
 * 医师账户激活 — the physicians whose main institution is this one (physicians.main_institution_id)
 * with a current registration here, and their account status, by name (keyset (name, id) on
 * physicians_main_institution_name_idx), with the latest code this institution issued to each.
 */
export async function listInstitutionPhysicians(c: Ctx, actor: AccountActor, q: ActivationListQuery) {
  const institutionId = institutionIdOf(actor);
  const cursor = q.cursor ? decodeCursor(q.cursor, ListCursor, IssueErrors.ACTIVATION_LIST_CURSOR_INVALID) : undefined;
  const rows = await selectActivationPage(c, institutionId, q, cursor ? { name: cursor[0], id: cursor[1] } : undefined, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const now = c.now();
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentActivationRow(r, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}
