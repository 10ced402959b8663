/**
 * 业务申请 (physician side): start a business, fill in the 首次注册 form as a draft, upload the photo.
 * Submission, withdrawal and the correction resubmission are in ./submission.ts; 业务进度 in ./progress.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  INELIGIBLE_CASE_INFO, PHYSICIAN_LEVEL_INFO, TITLE_LABELS, todayInChina,
  type BusinessType, type FirstRegistrationDraft, type IneligibleCase, type PhysicianLevel, type PracticeCategory,
} from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { applications, type Application, type Physician, type Qualification } from '../../db/schema/index';
import { assertActivePhysician } from '../physicians/guard';
import { OPEN_BUSINESS_TYPES } from '../reference/service';
import { TransitionErrors, forgetLockedCopy, lockApplication, recordCreation } from './transition';
import { applyDraftPatch, type DraftFacts, type FirstRegistrationPayload } from './draft-rules';
import { ApplicationErrors } from './errors';
import { lockPhysician, selectInstitution, selectOpenApplication, selectValidQualifications, selectValidRegistration } from './queries';
import type { InspectedUpload } from '../../storage/upload-inspection';
import { assertApplicationFilesFit, uploadedFilesOf } from './application-files';

/** States in which the applicant may change the form (the workflow lets them submit from these). */
export const EDITABLE_STATES = ['draft', 'returned_by_institution'] as const;

export function isEditable(state: string): boolean {
  return (EDITABLE_STATES as readonly string[]).includes(state);
}

/** Physician level first (执业医师 before 执业助理医师), then the newest. */
function byPreference(a: Qualification, b: Qualification): number {
  if (a.level !== b.level) return a.level === 'physician' ? -1 : 1;
  return (b.obtainedDate ?? '').localeCompare(a.obtainedDate ?? '');
}

export interface StartInput {
  businessType: BusinessType;
  /** One of seed question 二's cases, answered 「是」 on the 业务申请 page. */
  specialCase?: IneligibleCase;
  /** Which qualification to register, when the physician holds several (default: the highest level, newest). */
  qualificationId?: string;
}

/**
 * 【办理】 a business. Refuses, in this order: the question-二 cases (they go to the authority's window, with the
 * case's guidance); business types not open online; no valid, linked qualification (《医师法》第十三条: registration
 * needs 医师资格); a valid registration of the same level; an open first-registration application (its id is
 * returned). Creates the draft with the qualification's level and category.
 */
export async function startApplication(c: Ctx, actor: AccountActor, input: StartInput): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  if (input.specialCase) {
    const info = INELIGIBLE_CASE_INFO[input.specialCase];
    throw ApplicationErrors.BUSINESS_NOT_AVAILABLE_ONLINE({
      detail: `「${info.label}」无法通过电子化注册系统办理。${info.explanation}`,
      path: ['specialCase'],
      extra: { specialCase: input.specialCase, label: info.label, explanation: info.explanation },
    });
  }
  if (!OPEN_BUSINESS_TYPES.has(input.businessType)) throw ApplicationErrors.BUSINESS_TYPE_NOT_OPEN({ path: ['businessType'] });

  await lockPhysician(c, physician.id);
  const qualifications = (await selectValidQualifications(c, physician)).sort(byPreference);
  const qualification = input.qualificationId ? qualifications.find((q) => q.id === input.qualificationId) : qualifications[0];
  if (!qualification) {
    throw ApplicationErrors.QUALIFICATION_REQUIRED({
      detail: '未查询到您有效的医师资格。请先在「资格信息」中核对；考试合格尚未同步的，可用准考证号获取资格信息；信息有误的，请查看「资格补改指南」。',
      ...(input.qualificationId ? { path: ['qualificationId'] } : {}),
    });
  }
  const registered = await selectValidRegistration(c, physician.id, qualification.level);
  // Seed question 六: a 执业医师 registered in a region without e-registration applies directly for a 注册 in this
  // region; the old registration stays valid (domain BT-02: 注册, not 变更). Assistants hold one location only.
  const fromRegionWithoutERegistration = registered !== undefined && physician.pendingActivationPath === 'auto_on_approval' && qualification.level === 'physician';
  if (registered && !fromRegionWithoutERegistration) {
    throw ApplicationErrors.ALREADY_REGISTERED({
      detail: `您已有${PHYSICIAN_LEVEL_INFO[qualification.level].label}的有效执业注册。变更执业地点、机构或范围请办理「变更注册」；在其他省份增加执业地点请办理「增加执业地点注册」。`,
      extra: { registrationId: registered.id },
    });
  }
  const businessType = fromRegionWithoutERegistration ? 'additional_registration' : input.businessType;
  const open = await selectOpenApplication(c, physician.id, businessType);
  if (open) {
    throw ApplicationErrors.APPLICATION_ALREADY_OPEN({ extra: { applicationId: open.id, state: open.state, businessCode: open.businessCode } });
  }

  const payload: FirstRegistrationPayload = {
    qualificationId: qualification.id,
    level: qualification.level,
    category: qualification.category,
    ...(physician.title && TITLE_LABELS.includes(physician.title) ? { title: physician.title } : {}),
  };
  const [created] = await c.tx.insert(applications).values({
    businessType,
    physicianId: physician.id,
    physicianName: physician.name,
    idNumberHash: physician.idNumberHash,
    state: 'draft',
    payload,
    channel: 'web',
    createdAt: c.now(),
    updatedAt: c.now(),
  }).returning();
  await recordCreation(c, actor, created!);
  return created!;
}

/** The facts the form rules need: the application's qualification (still valid), the others, the institution. */
export async function loadDraftFacts(c: Ctx, physician: Physician, payload: FirstRegistrationPayload, institutionId: string | undefined): Promise<DraftFacts> {
  const valid = await selectValidQualifications(c, physician);
  const qualification = valid.find((q) => q.id === payload.qualificationId);
  if (!qualification) {
    throw ApplicationErrors.QUALIFICATION_REQUIRED({ detail: '该申请所依据的医师资格已无效或未关联到您的账户，请撤回本申请后重新发起。' });
  }
  const institution = institutionId && UUID.test(institutionId) ? await selectInstitution(c, institutionId) : undefined;
  return {
    qualification: { id: qualification.id, level: qualification.level as PhysicianLevel, category: qualification.category as PracticeCategory },
    otherCategories: valid.filter((q) => q.id !== qualification.id).map((q) => q.category as PracticeCategory),
    institution,
    today: todayInChina(c.now()),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks the applicant's own application and checks the version the form was built on. */
async function lockOwnEditable(c: Ctx, actor: AccountActor, id: string, expectedVersion: number | undefined): Promise<Application> {
  const { app } = await lockApplication(c, actor, id);
  const current = { state: app.state, version: app.version };
  if (expectedVersion !== undefined && expectedVersion !== app.version) throw TransitionErrors.VERSION_CONFLICT({ extra: { current } });
  if (!isEditable(app.state)) {
    throw ApplicationErrors.APPLICATION_NOT_EDITABLE({ detail: '只有草稿或机构退回修改的申请可以修改；已提交的申请如需修改，请在机构确认前撤回后重新申请', extra: { current } });
  }
  return app;
}

async function writePayload(c: Ctx, app: Application, payload: FirstRegistrationPayload): Promise<Application> {
  const [updated] = await c.tx.update(applications)
    .set({ payload, version: sql`${applications.version} + 1`, updatedAt: c.now() })
    .where(and(eq(applications.id, app.id), eq(applications.version, app.version)))
    .returning();
  forgetLockedCopy(c, app.id);
  if (!updated) throw TransitionErrors.VERSION_CONFLICT({ extra: { current: { state: app.state, version: app.version } } });
  return updated;
}

/** Saves one step of the 首次注册 form (PATCH): version-checked, only in 草稿 or 机构退回修改, every sent field checked. */
export async function saveDraft(c: Ctx, actor: AccountActor, id: string, input: FirstRegistrationDraft & { expectedVersion: number }): Promise<Application> {
  const physician = await assertActivePhysician(c, actor);
  const { expectedVersion, ...patch } = input;
  const app = await lockOwnEditable(c, actor, id, expectedVersion);
  const current = app.payload as FirstRegistrationPayload;
  const facts = await loadDraftFacts(c, physician, current, patch.institutionId ?? current.institutionId);
  return writePayload(c, app, applyDraftPatch(current, patch, facts));
}

/**
 * Stores the applicant's photo (近6个月2寸白底免冠正面半身照片), already inspected and re-encoded (./photo.ts):
 * kept in the BlobStore by its SHA-256 with a `blobs` row and named in the payload, in one transaction, after
 * checking that the application's files together stay within UPLOAD_LIMITS.applicationTotalBytes.
 */
export async function savePhoto(c: Ctx, actor: AccountActor, id: string, photo: InspectedUpload): Promise<Application> {
  await assertActivePhysician(c, actor);
  const app = await lockOwnEditable(c, actor, id, undefined);
  const payload: FirstRegistrationPayload = { ...(app.payload as FirstRegistrationPayload), photoSha256: photo.sha256 };
  await assertApplicationFilesFit(c, uploadedFilesOf(payload), photo, ['photo']);
  await c.blobs.put(c.tx, photo.content, photo.contentType);
  return writePayload(c, app, payload);
}
