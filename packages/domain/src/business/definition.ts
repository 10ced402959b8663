/**
 * A business type as ONE definition (architecture § Business types as definitions, not branches): who may apply,
 * the form, which institution confirms, which authority decides, whether a statutory clock runs, what the 审核表
 * shows, and the effect on approval as DATA — a list of lifecycle events the server's single decision path applies
 * through the tables of ../registration (plan-approval.ts turns them into concrete steps).
 */
import type { z } from 'zod';
import type { BusinessType } from '../business-types';
import type { DomainError } from '../errors';
import type { IsoDate } from '../calendar/iso-date';
import type { PhysicianLevel } from '../reference/physician-levels';
import type { PracticeCategory } from '../reference/practice-categories';
import type { CancellationGround, CancellationInitiator } from '../registration/cancellation-grounds';
import type { CertificateEvent } from '../registration/certificate-lifecycle';
import type { FilingEvent } from '../registration/filing-lifecycle';
import type { InstitutionRef, PhysicianSnapshot } from '../registration/physician-snapshot';
import type { RegistrationEvent } from '../registration/registration-table';
import type { RecheckRule } from './recheck-rules';
import type { ReviewRowValue } from './review-rows';
import type { ReviewField } from './review-fields';

/** The record an application starts from (none for 首次注册). */
export interface BusinessSubject {
  registrationId?: string;
  filingId?: string;
}

/** What an application asks for, in one shape for every type (read from its form). */
export interface Proposal extends BusinessSubject {
  /** The qualification the application relies on. */
  qualificationId?: string;
  /** The proposed main institution, or the institution to file. */
  institutionId?: string;
  category?: PracticeCategory;
  scopes?: readonly string[];
  validFrom?: IsoDate;
  validTo?: IsoDate;
  /** 注销注册 (BT-07): the ground, who initiated it, the day of the triggering event and a note. */
  cancellation?: { ground: CancellationGround; initiator: CancellationInitiator; triggerOn: IsoDate | null; note: string | null };
}

export interface BusinessContext<F> {
  physician: PhysicianSnapshot;
  form: F;
  /** The institution the form names, as the server loaded it (omitted when it is the current main institution). */
  institution?: InstitutionRef;
  today: IsoDate;
  /** 'decision': the same rules run again when the authority decides (recheck.ts). */
  stage?: 'submission' | 'decision';
}

/**
 * Which institution confirms (domain §2.1): the proposed one, the current main one, or the one to be filed; 'none'
 * when no institution confirms and the application goes straight to the authority (a 注销 from 注册备案, where the
 * physician has no main institution, or one the institution itself reported).
 */
export type ConfirmingInstitution = 'proposed' | 'current_main' | 'filed' | 'none';

/** Which authority decides. */
export type DeciderBasis = 'institution_registering_authority' | 'granting_authority' | 'filed_institution_authority' | 'issuing_authority';

export const DECIDER_BASIS_LABELS = {
  institution_registering_authority: '批准拟执业机构执业的卫生健康主管部门（《医师执业注册管理办法》第九条）',
  granting_authority: '准予注册的卫生健康主管部门（《医师法》第十八条）',
  filed_institution_authority: '批准拟备案机构执业的卫生健康主管部门（《医师执业注册管理办法》第十条）',
  issuing_authority: '发证机关（domain §2.2 BT-09）',
} as const satisfies Record<DeciderBasis, string>;

export const CONFIRMING_INSTITUTION_LABELS = {
  proposed: '拟执业的主要执业机构',
  current_main: '当前主要执业机构',
  filed: '拟备案机构',
  none: '无需执业机构确认',
} as const satisfies Record<ConfirmingInstitution, string>;

/** A new registration record opened on approval. */
export interface OpenRegistration {
  /** 'qualification': the level of the qualification relied on; 'current': the current registration's; or a level. */
  level: 'qualification' | 'current' | PhysicianLevel;
  /** The main institution: the proposed one (which may be the current one, BT-04), or the current one. */
  institution: 'proposed' | 'current';
  /** 执业类别 and 执业范围: as proposed, or as the current registration holds them ([S17]: BT-02 reuses them). */
  items: 'proposal' | 'current';
  /** The 执业地点 always follows the level and the institution (《医师执业注册管理办法》第七条); BT-04 states the widening. */
  widenLocationTo?: 'province';
  /** A new 执业证书编码: level + category + the deciding authority's area + serial (domain §4.2). */
  newLicenceCode: true;
}

export type Effect =
  /** An event on the registration the application starts from; `change_items` names what changes. */
  | { on: 'current'; event: RegistrationEvent; items?: readonly ('category' | 'scopes' | 'qualification')[]; newLicenceCode?: boolean }
  | { open: OpenRegistration }
  /**
   * The filings of the current registration follow it (domain §5.2): those still inside the 执业地点, not at the main
   * institution and within the registered scopes stay (and move to a newly opened record); the others end.
   */
  | { filings: 'follow' }
  /** 'proposed': the filing this application creates; 'subject': the filing it starts from. */
  | { filing: 'proposed' | 'subject'; event: FilingEvent }
  /** The certificate of the current or of the newly opened registration. */
  | { certificate: 'current' | 'opened'; event: CertificateEvent }
  /**
   * 注销注册 of the current registration (《医师法》第十七条): the registration → 注销, its certificate 已废止, its filings
   * ended, the cancellation recorded for the announcement — one step the server applies with cancelRegistration.
   */
  | { cancel: 'current' };

/** A file the form names, to be found among the application's attachments. */
export interface EvidenceFile {
  path: readonly (string | number)[];
  fileSha256: string;
}

/** Effects per moment of the application; `abandon` covers refusal and withdrawal. */
export interface LifecycleEffects {
  submit?: readonly Effect[];
  approve: readonly Effect[];
  abandon?: readonly Effect[];
}

export interface BusinessDefinition<F, T extends BusinessType = BusinessType> {
  type: T;
  /** What the physician picks before filling in: nothing (BT-01), a registration, or a filing. */
  startsFrom: 'nothing' | 'registration' | 'registration_or_filing';
  /** Whether a decision changes the registration it starts from (then it waits for no other application on it). */
  changesRegistration: boolean;
  /** The form, validated whole at submission: the web and the server share it. */
  form: z.ZodType<F>;
  /** Shown on the form (e.g. 增加执业地点 versus 变更). */
  explanation?: string;
  proposal(form: F, physician: PhysicianSnapshot): Proposal;
  /**
   * Who may apply: the refusals that keep this physician (and this record) from applying, [] when eligible. `today`
   * for the rules that depend on the date (a bar to registration runs until a day).
   */
  whoMayApply(physician: PhysicianSnapshot, subject: BusinessSubject, today?: IsoDate): DomainError[];
  /** The rules over the filled-in form; [] when it may be submitted. */
  checkApplication(ctx: BusinessContext<F>): DomainError[];
  confirmingInstitution(form: F, physician: PhysicianSnapshot): ConfirmingInstitution;
  decider(form: F): DeciderBasis;
  effects(form: F): LifecycleEffects;
  /** The rows of the 审核表, each old → new. */
  reviewFields(form: F): readonly ReviewField[];
  /** Rows of the 审核表 the definition fills in itself (the evidence it names); the others follow the records. */
  reviewValue?(field: ReviewField, ctx: BusinessContext<F>): ReviewRowValue | undefined;
  /** The uploaded files the form names, each with its path in the form; by default the `evidence[]` items. */
  evidenceFiles?(form: F): readonly EvidenceFile[];
  /** The physician's own words on why (申请理由 / 说明), shown to the institution and the authority; null when none. */
  statedReason(form: F): string | null;
  /**
   * Who files the form: the physician (default) or the institution reporting it (注销, 《医师法》第十七条第二款). The
   * physician's own path refuses a form another party files.
   */
  filedBy?(form: F): 'physician' | 'institution';
  /** Rules checked again when the authority decides. */
  recheckAtDecision: readonly RecheckRule[];
}
