/**
 * The 首次注册 form rules applied to a draft save (only the fields sent) and, all together, to the submission.
 * The rules themselves are pure and live in @medreg/domain; this file feeds them the facts the database knows
 * (the qualification, the chosen institution) and gathers every refusal so the form can mark each field.
 */
import {
  DomainError, FirstRegistrationSubmission, checkCategory, checkDepartment, checkEducation, checkPracticePlace, checkScopeSelection,
  checkStartDate, checkTitle, institutionSuspendedText, resolvePracticeLocation, FirstRegistrationErrors,
  type FirstRegistrationDraft, type IsoDate, type PhysicianLevel, type PracticeCategory,
} from '@medreg/domain';
import type { Institution } from '../../db/schema/index';
import { ReferenceErrors } from '../reference/errors';
import { ApplicationErrors } from './errors';

/** The payload a 首次注册 application stores (the shape test/helpers/factories.ts `makeApplication` writes). */
export type FirstRegistrationPayload = FirstRegistrationDraft & { qualificationId: string; level: PhysicianLevel };

export interface DraftFacts {
  qualification: { id: string; level: PhysicianLevel; category: PracticeCategory };
  /** Categories of the physician's other valid qualifications (§4.10 rule 1(b)). */
  otherCategories: readonly PracticeCategory[];
  /** The institution the payload names after the change, if any. */
  institution: Institution | undefined;
  today: IsoDate;
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/** Collects refusals with a field path; anything else is rethrown at once. */
class Issues {
  readonly list: DomainError[] = [];

  run(check: () => unknown): boolean {
    try {
      check();
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.path) {
        this.list.push(error);
        return false;
      }
      throw error;
    }
  }

  add(error: DomainError): void {
    this.list.push(error);
  }

  /** Throws the first refusal (its code and status) carrying every field's message in `errors`. */
  throwIfAny(): void {
    const first = this.list[0];
    if (!first) return;
    throw withAllErrors(first, this.list.map(issueOf));
  }
}

function issueOf(e: DomainError): FieldIssue {
  return { path: e.path ?? [], message: e.message, code: e.code };
}

function withAllErrors(first: DomainError, errors: FieldIssue[]): DomainError {
  return new DomainError({
    code: first.code, status: first.status, title: first.title, titleEn: first.titleEn, detail: first.message,
    path: first.path, extra: { ...first.extra, errors },
  });
}

/**
 * Merges a draft save into the stored payload and checks what was sent:
 *  - 执业地点: a province for 执业医师; an assistant may name a province/city/county to search in, and the
 *    institution's county becomes the 执业地点 (《医师执业注册管理办法》第七条);
 *  - 主要执业机构: must exist, be active and lie in the 执业地点 (INSTITUTION_OUTSIDE_PRACTICE_LOCATION). When only
 *    the place changes and the saved institution is outside it, the institution and department are cleared;
 *  - 执业类别 = the qualification's (CATEGORY_MISMATCH); 执业范围 by `checkScopeSelection` (卫医发〔2001〕169号),
 *    `grassroots` from the institution;
 *  - 拟在该机构执业时间, 科室 (one of the institution's), 学历/学位/毕业时间, 任职资格.
 * The photo is set only by the upload endpoint; `photoSha256` in a save is ignored.
 */
export function applyDraftPatch(current: FirstRegistrationPayload, patch: FirstRegistrationDraft, facts: DraftFacts): FirstRegistrationPayload {
  const issues = new Issues();
  const level = facts.qualification.level;
  const { photoSha256: _ignored, education, declarations, ...simple } = patch;
  const next: FirstRegistrationPayload = { ...current, ...definedOnly(simple), qualificationId: facts.qualification.id, level };
  if (education) next.education = { ...current.education, ...definedOnly(education) };
  if (declarations) next.declarations = { ...current.declarations, ...declarations };

  const placeOk = patch.practiceLocationCode === undefined || issues.run(() => checkPracticePlace(level, patch.practiceLocationCode!));
  const institution = facts.institution?.active ? facts.institution : undefined;
  if (next.institutionId && placeOk) {
    if (!institution) {
      if (patch.institutionId !== undefined) {
        // A 暂停 institution receives no new applications (INSTITUTION_STATUS_TABLE); say which and why.
        issues.add(facts.institution
          ? ReferenceErrors.INSTITUTION_SUSPENDED({ path: ['institutionId'], detail: institutionSuspendedText(facts.institution.name) })
          : ReferenceErrors.INSTITUTION_NOT_FOUND({ path: ['institutionId'] }));
      } else clearInstitution(next);
    } else {
      try {
        next.practiceLocationCode = resolvePracticeLocation(level, next.practiceLocationCode, institution.areaCode);
      } catch (error) {
        if (patch.institutionId === undefined && error instanceof DomainError && error.code === 'INSTITUTION_OUTSIDE_PRACTICE_LOCATION') {
          clearInstitution(next); // the physician moved to another place: choose an institution there
        } else if (error instanceof DomainError && error.path) issues.add(error);
        else throw error;
      }
    }
  }

  if (patch.category !== undefined) issues.run(() => checkCategory(patch.category!, facts.qualification.category));
  if (patch.scopes !== undefined && patch.scopes.length > 0) {
    issues.run(() => checkScopeSelection({
      category: next.category ?? facts.qualification.category,
      scopeCodes: patch.scopes!,
      grassroots: institution?.grassroots ?? false,
      hasPublicHealthQualification: facts.otherCategories.includes('public_health'),
      hasClinicalQualification: facts.otherCategories.includes('clinical'),
    }));
  }
  if (patch.startDate !== undefined) issues.run(() => checkStartDate(patch.startDate!, facts.today));
  if (patch.department) {
    if (!next.institutionId || !institution) issues.add(FirstRegistrationErrors.DEPARTMENT_NEEDS_INSTITUTION({ path: ['department'] }));
    else issues.run(() => checkDepartment(patch.department!, institution.departments));
  }
  if (education) issues.run(() => checkEducation(education, facts.today));
  if (patch.title) issues.run(() => checkTitle(patch.title!));
  issues.throwIfAny();
  return next;
}

function clearInstitution(p: FirstRegistrationPayload): void {
  delete p.institutionId;
  delete p.department;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The whole application at 【提交】: first the shape (FirstRegistrationSubmission — every required field, each
 * declaration ticked), answered as one APPLICATION_INCOMPLETE listing every missing field; then every rule of
 * `applyDraftPatch` over all fields, and the photo must be stored. Returns the payload to store.
 */
export function validateSubmission(payload: FirstRegistrationPayload, facts: DraftFacts, photoStored: boolean): FirstRegistrationPayload {
  // Empty groups so that each missing declaration and education field is named on its own.
  const shape = FirstRegistrationSubmission.safeParse({ education: {}, declarations: {}, ...payload });
  const issues: FieldIssue[] = shape.success ? [] : shape.error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: 'APPLICATION_INCOMPLETE',
  }));
  if (payload.photoSha256 && !photoStored) issues.push({ path: ['photoSha256'], message: '照片文件不存在，请重新上传', code: 'PHOTO_REQUIRED' });
  if (issues.length > 0) {
    throw ApplicationErrors.APPLICATION_INCOMPLETE({
      detail: `申请信息不完整：${issues.map((i) => i.message).filter((m, n, all) => all.indexOf(m) === n).join('；')}`,
      path: issues[0]!.path,
      extra: { errors: issues },
    });
  }
  const { qualificationId: _q, level: _l, ...fields } = payload;
  return applyDraftPatch(payload, fields, facts);
}
