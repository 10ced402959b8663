import { randomInt } from 'node:crypto';
import { and, asc, eq, exists, gt, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import {
  ACTIVATION_CODE_REFUSAL_TEXT, ACTIVATION_CODE_TTL_DAYS, activationCodeRefusal, generateActivationCode, physicianAccountStatus,
  type ActivationCodeRefusal,
} from '@medreg/domain';
import { inTransaction, type Ctx, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, activationCodes, institutions, outbox, physicians, registrations } from '../../db/schema/index';
import { audit } from '../audit/service';
import { institutionIdOf } from '../institutions/policy';
import { IssueErrors } from './issue-errors';
import { CURRENT_REGISTRATION_STATUSES } from './issue-list';
import { activationCodeHash } from './redeem';

/** Rows per INSERT statement: well under PostgreSQL's 65 535 bind parameters. */
const CHUNK = 1000;

export type IssueTarget = { physicianIds: string[] } | { allPending: true };

type SkipReason = ActivationCodeRefusal | 'not_found';
const SKIP_TEXT: Record<SkipReason, string> = { ...ACTIVATION_CODE_REFUSAL_TEXT, not_found: '本机构医师中没有该医师' };

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** A PostgreSQL uuid[] literal, bound as ONE parameter however many ids there are (ids come from the database). */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

/** The institution's physicians the target names, locked, with their account contact (one query). */
async function lockCandidates(c: Ctx, institutionId: string, target: IssueTarget) {
  const scope: SQL = 'physicianIds' in target
    ? inArray(physicians.id, target.physicianIds)
    : and(isNotNull(physicians.accountId), ne(physicians.activationStatus, 'active'))!;
  return c.tx
    .select({
      id: physicians.id,
      name: physicians.name,
      accountId: physicians.accountId,
      activationStatus: physicians.activationStatus,
      phoneVerifiedAt: physicians.phoneVerifiedAt,
      phone: accounts.phone,
      email: accounts.email,
    })
    .from(physicians)
    .leftJoin(accounts, eq(accounts.id, physicians.accountId))
    .where(and(
      eq(physicians.mainInstitutionId, institutionId), // physicians_main_institution_name_idx
      exists(c.tx.select({ one: sql`1` }).from(registrations).where(and(
        eq(registrations.physicianId, physicians.id),
        eq(registrations.mainInstitutionId, institutionId),
        inArray(registrations.status, [...CURRENT_REGISTRATION_STATUSES]),
      ))),
      scope,
    ))
    .orderBy(asc(physicians.name), asc(physicians.id))
    .for('update', { of: physicians });
}

function refusalError(reason: SkipReason) {
  switch (reason) {
    case 'not_found': return IssueErrors.ACTIVATION_PHYSICIAN_NOT_FOUND();
    case 'no_account': return IssueErrors.ACTIVATION_NO_ACCOUNT();
    case 'already_active': return IssueErrors.ACTIVATION_ALREADY_ACTIVE();
    case 'contact_unverified': return IssueErrors.ACTIVATION_CONTACT_UNVERIFIED();
  }
}

/**
 * 【生成激活码】 (domain §3.3 path 1, §1.2 item 7): one physician, the selected ones, or all of the
 * institution's physicians with an account that is not active yet. In ONE transaction and set-based:
 * one query reads and locks the candidates, then one UPDATE invalidates their older unused codes and one
 * INSERT per statement-sized chunk writes the codes (hashed only), the outbox messages (SMS to the verified
 * phone, e-mail) and the audit entries — the clear code exists only in the messages.
 */
export async function issueActivationCodes(deps: Deps, actor: AccountActor, target: IssueTarget) {
  const institutionId = institutionIdOf(actor);
  const single = 'physicianIds' in target && target.physicianIds.length === 1;
  return inTransaction(deps, async (c) => {
    const [institution] = await c.tx.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, institutionId));
    const candidates = await lockCandidates(c, institutionId, target);
    const now = c.now();
    const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_TTL_DAYS * 86_400_000);

    const skipped: { physicianId: string; name: string | null; reason: SkipReason; reasonText: string }[] = [];
    const issued: { physicianId: string; name: string; accountId: string; code: string; sms: string | null; email: string | null }[] = [];
    for (const p of candidates) {
      const refusal = activationCodeRefusal(physicianAccountStatus(p.accountId !== null, p.activationStatus));
      const sms = p.phoneVerifiedAt && p.phone ? p.phone : null;
      const reason = refusal ?? (!sms && !p.email ? 'contact_unverified' : null);
      if (reason) skipped.push({ physicianId: p.id, name: p.name, reason, reasonText: SKIP_TEXT[reason] });
      else issued.push({ physicianId: p.id, name: p.name, accountId: p.accountId!, code: generateActivationCode(randomInt), sms, email: p.email });
    }
    if ('physicianIds' in target) {
      const seen = new Set(candidates.map((p) => p.id));
      for (const id of new Set(target.physicianIds)) {
        if (!seen.has(id)) skipped.push({ physicianId: id, name: null, reason: 'not_found', reasonText: SKIP_TEXT.not_found });
      }
    }
    if (single && skipped[0]) throw refusalError(skipped[0].reason);

    if (issued.length > 0) {
      await c.tx.update(activationCodes).set({ expiresAt: now }).where(and(
        sql`${activationCodes.physicianId} = ANY(${uuidArray(issued.map((i) => i.physicianId))}::uuid[])`, // activation_codes_physician_idx
        isNull(activationCodes.usedAt),
        gt(activationCodes.expiresAt, now),
      ));
      for (const part of chunks(issued)) {
        await c.tx.insert(activationCodes).values(part.map((i) => ({
          institutionId, physicianId: i.physicianId, codeHash: activationCodeHash(i.code), expiresAt, createdBy: actor.accountId, createdAt: now,
        })));
      }
      const messages = issued.flatMap((i) => {
        const text = `${i.name}，您的医师电子化注册账户激活码为 ${i.code}，${ACTIVATION_CODE_TTL_DAYS}日内有效。请登录医师个人端，在「账户激活」页面输入激活码，点击【激活我的账户】。（${institution?.name ?? ''}）`;
        return [
          ...(i.sms ? [{ channel: 'sms' as const, recipient: i.sms, template: 'activation.code', body: `【医师电子化注册】${text}`, accountId: i.accountId }] : []),
          ...(i.email ? [{ channel: 'email' as const, recipient: i.email, template: 'activation.code', subject: '医师电子化注册账户激活码', body: text, accountId: i.accountId }] : []),
        ];
      });
      for (const part of chunks(messages)) await c.tx.insert(outbox).values(part);
      for (const i of issued) {
        await audit(c, actor, 'activation_code.issue', 'physician', i.physicianId,
          { institutionId, channels: [...(i.sms ? ['sms'] : []), ...(i.email ? ['email'] : [])], expiresAt: expiresAt.toISOString() });
      }
    }
    return {
      issuedCount: issued.length,
      expiresAt: expiresAt.toISOString(),
      issued: issued.map((i) => ({ physicianId: i.physicianId, name: i.name, channels: [...(i.sms ? ['sms' as const] : []), ...(i.email ? ['email' as const] : [])] })),
      skipped,
    };
  });
}
