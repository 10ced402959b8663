/**
 * Seed question 五: 「若未通过医师资格校验，则可能是注册时填写的姓名及身份证号码有误，请修改正确后继续验证」.
 * The account's 姓名 / 身份证号 may be corrected only before activation, and only for a person the
 * registers do not know yet (no registration record): after that the records are the reference.
 */
import { eq, sql } from 'drizzle-orm';
import { maskResidentId, parseResidentId } from '@medreg/domain';
import type { Deps } from '../../context';
import { inTransaction } from '../../context';
import type { AccountActor } from '../../http/actor';
import { accounts, physicians, qualifications, registrations } from '../../db/schema/index';
import { safeEqual } from '../../security/tokens';
import { audit } from '../audit/service';
import { runQualificationCheck, QUALIFICATION_CHECK_LABELS } from '../qualifications/check';
import { PhysicianErrors } from './errors';
import { physicianByIdHash, physicianOfAccount } from './queries';

export async function correctIdentity(deps: Deps, actor: AccountActor, input: { name: string; idNumber: string }) {
  try {
    return await inTransaction(deps, async (c) => {
      const p = await physicianOfAccount(c, actor.accountId, { lock: true });
      if (!p) throw PhysicianErrors.NOT_A_PHYSICIAN_ACCOUNT();
      if (p.activationStatus === 'active' || p.pendingActivationPath !== null) throw PhysicianErrors.IDENTITY_CHANGE_NOT_ALLOWED();
      const [registered] = await c.tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.physicianId, p.id)).limit(1);
      if (registered) {
        throw PhysicianErrors.IDENTITY_CHANGE_NOT_ALLOWED({ detail: '您已有执业注册记录，姓名和身份证号以注册记录为准；如确有错误，请联系注册主管部门' });
      }

      const parsed = parseResidentId(input.idNumber);
      if (!parsed.ok) throw new Error('correctIdentity needs a validated ID number');
      const id = parsed.value.idNumber;
      const hash = c.pii.hash(id);
      const idChanged = !safeEqual(hash, p.idNumberHash);
      const nameChanged = input.name !== p.name;
      if (idChanged && (await physicianByIdHash(c, hash))) {
        throw PhysicianErrors.ID_NUMBER_ALREADY_REGISTERED({ path: ['idNumber'], detail: '该身份证号已有电子化账户或执业注册记录，不能改为此身份证号' });
      }
      const now = c.now();
      if (idChanged || nameChanged) {
        // Records linked under the old name/ID were matched by them; they are matched again below.
        await c.tx.update(qualifications).set({ physicianId: null }).where(eq(qualifications.physicianId, p.id));
        await c.tx.update(physicians).set({
          name: input.name,
          ...(idChanged ? { idNumberEnc: c.pii.encrypt(id), idNumberHash: hash, idNumberMasked: maskResidentId(id), sex: parsed.value.sex, birthDate: parsed.value.birthDate } : {}),
          qualificationCheckedAt: null,
          updatedAt: now,
        }).where(eq(physicians.id, p.id));
        await c.tx.update(accounts).set({ displayName: input.name, updatedAt: sql`now()` }).where(eq(accounts.id, actor.accountId));
        await audit(c, { accountId: actor.accountId, role: actor.role }, 'physician.identity_corrected', 'physician', p.id, { nameChanged, idChanged });
      }
      const [updated] = await c.tx.select().from(physicians).where(eq(physicians.id, p.id));
      const check = await runQualificationCheck(c, updated!);
      return {
        name: updated!.name,
        idNumberMasked: updated!.idNumberMasked,
        qualificationCheck: check.outcome,
        qualificationCheckLabel: QUALIFICATION_CHECK_LABELS[check.outcome],
      };
    });
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if (e?.code === '23505' || e?.cause?.code === '23505') {
      throw PhysicianErrors.ID_NUMBER_ALREADY_REGISTERED({ path: ['idNumber'], detail: '该身份证号已有电子化账户或执业注册记录，不能改为此身份证号' });
    }
    throw error;
  }
}
