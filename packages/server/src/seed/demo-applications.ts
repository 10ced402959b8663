// Demo applications, so that the institution and authority portals show work on a fresh start:
// one 待机构确认 at 北京市海淀医院 and one 已受理 at the 海淀区 commission with its due date.
import { businessCode, provinceCodeOf, todayInChina } from '@medreg/domain';
import type { Ctx } from '../context';
import { applications, qualifications } from '../db/schema/index';
import { dueDateAfter } from '../modules/authority/calendar';
import { recordApplicationEvent } from '../modules/applications/events';
import { nextBusinessSerial } from '../modules/applications/queries';
import { createPhysicianRecord } from './builders';
import { demoIdNumber } from './demo';
import { DEMO_QUALIFICATIONS } from './demo-data';
import { eq } from 'drizzle-orm';

interface DemoInstitutionRef { id: string; areaCode: string; authorityId: string }

const EDUCATION = { education: '本科', degree: '学士', school: '首都医科大学', major: '临床医学', graduationDate: '2021-07-01' };
const DECLARED = { civilCapacity: true, noCriminalPenalty: true, noRevocation: true, noAssessmentCancellation: true, noOtherBar: true, truthful: true };

export async function seedDemoApplications(c: Ctx, hospital: DemoInstitutionRef): Promise<void> {
  const now = c.now();
  const today = todayInChina(now);
  // 暂定 when the 20 working days reach a year whose holidays are not entered (《行政许可法》第八十二条).
  const due = await dueDateAfter(c, today, 20);
  const plans = [
    { name: '吴浩然', state: 'pending_institution' as const, accepted: false },
    { name: '魏然', state: 'accepted' as const, accepted: true },
  ];
  for (const plan of plans) {
    const d = DEMO_QUALIFICATIONS.find((q) => q.name === plan.name)!;
    const physician = await createPhysicianRecord(c, { name: d.name, idNumber: demoIdNumber(d) });
    const [qualification] = await c.tx.update(qualifications).set({ physicianId: physician.id })
      .where(eq(qualifications.idNumberHash, physician.idNumberHash)).returning();
    const code = businessCode('first_registration', today, await nextBusinessSerial(c, today));
    const scope = d.category === 'public_health' ? '41' : '11';
    const [app] = await c.tx.insert(applications).values({
      businessCode: code, businessType: 'first_registration', physicianId: physician.id, physicianName: d.name, idNumberHash: physician.idNumberHash,
      institutionId: hospital.id, authorityId: hospital.authorityId, state: plan.state, version: plan.accepted ? 3 : 2,
      payload: {
        qualificationId: qualification!.id, level: d.level, category: d.category, scopes: [scope],
        practiceLocationCode: provinceCodeOf(hospital.areaCode), institutionId: hospital.id, department: '内科', startDate: today,
        education: EDUCATION, title: '住院医师', declarations: DECLARED,
      },
      submittedAt: now, institutionDecidedAt: plan.accepted ? now : null,
      acceptedAt: plan.accepted ? now : null, dueDate: plan.accepted ? due.dueDate : null,
      dueDateProvisional: plan.accepted && due.provisional, dueWorkingDays: plan.accepted ? 20 : null,
    }).returning();
    const events = [
      { action: 'create', fromState: null, toState: 'draft', actorRole: 'physician' },
      { action: 'submit', fromState: 'draft', toState: 'pending_institution', actorRole: 'physician' },
      ...(plan.accepted ? [
        { action: 'institution_approve', fromState: 'pending_institution', toState: 'pending_authority', actorRole: 'institution_clerk', actorOrgName: '北京市海淀医院' },
        { action: 'accept', fromState: 'pending_authority', toState: 'accepted', actorRole: 'authority_reviewer', actorOrgName: '北京市海淀区卫生健康委员会' },
      ] : []),
    ];
    for (const e of events) {
      await recordApplicationEvent(c, { accountId: null, role: e.actorRole }, { ...e, applicationId: app!.id, createdAt: now }, { from: e.fromState, to: e.toState, demo: true });
    }
  }
}
