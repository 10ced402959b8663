// Factories for the authority tests: a small jurisdiction tree and applications waiting for the authority.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../src/context';
import { accounts, physicians } from '../../src/db/schema/index';
import { loggedIn, type Agent } from './agent';
import { PASSWORD, makeApplication, makeAuthority, makeAuthorityStaff, makeInstitution, makePhysician } from './factories';

/**
 * 北京市 (province) ⊃ 海淀区, 东城区 (counties); 深圳市 (city) ⊃ 南山区 (county).
 * One institution under 海淀 and one under 南山, whose admins have an e-mail address (the institution's notices).
 */
export async function makeJurisdictions(deps: Deps) {
  const beijing = await makeAuthority(deps, { name: '北京市卫生健康委员会', areaCode: '110000', level: 'province' });
  const haidian = await makeAuthority(deps, { name: '北京市海淀区卫生健康委员会', areaCode: '110108', level: 'county' });
  const dongcheng = await makeAuthority(deps, { name: '北京市东城区卫生健康委员会', areaCode: '110101', level: 'county' });
  const shenzhen = await makeAuthority(deps, { name: '深圳市卫生健康委员会', areaCode: '440300', level: 'city' });
  const nanshan = await makeAuthority(deps, { name: '深圳市南山区卫生健康局', areaCode: '440305', level: 'county' });
  const hdInstitution = await makeInstitution(deps, { name: '北京市海淀医院', areaCode: '110108', authorityId: haidian.id });
  const dcInstitution = await makeInstitution(deps, { name: '北京市东城区和平里医院', areaCode: '110101', authorityId: dongcheng.id });
  const nsInstitution = await makeInstitution(deps, { name: '深圳市南山区人民医院', areaCode: '440305', authorityId: nanshan.id });
  for (const i of [hdInstitution, dcInstitution, nsInstitution]) {
    await deps.db.update(accounts).set({ email: `${i.adminLogin}@hospital.example.cn` }).where(eq(accounts.id, i.admin.id));
  }
  return { beijing, haidian, dongcheng, shenzhen, nanshan, hdInstitution, dcInstitution, nsInstitution };
}

export type Jurisdictions = Awaited<ReturnType<typeof makeJurisdictions>>;

/** A logged-in member of an authority's staff. */
export async function staffOf(app: FastifyInstance, deps: Deps, authorityId: string, role: 'authority_reviewer' | 'authority_admin' = 'authority_reviewer'): Promise<Agent> {
  const account = await makeAuthorityStaff(deps, authorityId, role);
  return loggedIn(app, account.loginName, PASSWORD);
}

/** A physician's first registration, confirmed by the institution and waiting at its authority (正在申办). */
export async function makePendingApplication(deps: Deps, at: { institution: { id: string; areaCode: string }; authorityId: string }, o: {
  name?: string; level?: 'physician' | 'assistant'; category?: 'clinical' | 'dental' | 'public_health' | 'tcm'; state?: string; dueDate?: string; acceptedAt?: Date;
  activation?: 'auto_on_approval';
} = {}) {
  const doctor = await makePhysician(deps, { name: o.name ?? '王晓明', level: o.level, category: o.category, activated: true });
  if (o.activation === 'auto_on_approval') {
    // Seed question 六: from a region without e-registration — applies first, activated on approval.
    await deps.db.update(physicians).set({ activationStatus: 'verified', activationMethod: null, activatedAt: null, pendingActivationPath: 'auto_on_approval' }).where(eq(physicians.id, doctor.physician.id));
  }
  const application = await makeApplication(deps, {
    physicianId: doctor.physician.id, physicianName: doctor.name, idNumber: doctor.idNumber, institutionId: at.institution.id,
    authorityId: at.authorityId, qualificationId: doctor.qualification.id, state: o.state ?? 'pending_authority',
    areaCode: at.institution.areaCode, level: o.level, category: o.category, dueDate: o.dueDate, acceptedAt: o.acceptedAt,
  });
  return { doctor, application };
}

export interface DetailBody {
  id: string; state: string; version: number; dueDate: string | null; acceptedOn: string | null; workingDaysLeft: number | null; overdue: boolean;
  allowedActions: { action: string; label: string }[]; canDecide: boolean; canEditMaterials: boolean; correctionItems: string[]; decisionReasons: string | null;
  materials: { key: string; received: boolean }[]; registration: { id: string; licenceCode: string; approvedOn: string } | null;
  decisionDocument: { url: string; documentNo: string } | null; timeline: { action: string; reason: string | null }[];
  applicant: { idNumber: string; idNumberMasked: string };
}

/** The action names of a presented record's allowedActions. */
export const actionsOf = (body: { allowedActions: { action: string }[] }) => body.allowedActions.map((a) => a.action);
