/**
 * The shared application view: the output of the server's `presentApplication`
 * (packages/server/src/modules/applications/presenter.ts — see its header comment). The physician gets it as is;
 * the institution and the authority get it with their additions (their portal API files extend it).
 */
import type { FirstRegistrationDraft } from '@medreg/domain';

/** What THIS actor may do now (workflow table ∩ policy). */
export interface AllowedAction {
  action: string;
  label: string;
  requiresReason: boolean;
}

/** One application_events row, oldest first. */
export interface TimelineEntry {
  id: number;
  at: string;
  action: string;
  actionLabel: string;
  fromState: string | null;
  fromStateLabel: string | null;
  toState: string;
  stateLabel: string;
  actor: { role: string; roleLabel: string; organization: string | null };
  reason: string | null;
}

export interface NextStep {
  title: string;
  text: string;
  items?: string[];
  /** Shown on its own, e.g. the appeal rights with a refusal. */
  notice?: string;
}

export type DraftPayload = FirstRegistrationDraft & { qualificationId?: string; level?: 'physician' | 'assistant' };

export interface ApplicantView {
  name: string;
  sex: string;
  sexLabel: string;
  birthDate: string;
  /** Full to the applicant and the authority, masked to the institution. */
  idNumber: string;
  idNumberMasked: string;
}

export interface QualificationView {
  id: string;
  certCode: string | null;
  admissionTicketNo: string | null;
  level: 'physician' | 'assistant';
  levelLabel: string;
  category: string;
  categoryLabel: string;
  obtainedDate: string | null;
}

export interface EducationView {
  education?: string;
  degree?: string;
  school?: string;
  major?: string;
  graduationDate?: string;
}

/** The form in words. */
export interface ApplicationForm {
  practiceLocation: { code: string; name: string } | null;
  institution: { id: string; name: string; areaCode: string; areaName: string; grassroots: boolean } | null;
  category: string | null;
  categoryLabel: string | null;
  scopes: { code: string; label: string }[];
  startDate: string | null;
  department: string | null;
  education: EducationView | null;
  title: string | null;
  photoUrl: string | null;
  declarations: { key: string; text: string; accepted: boolean }[];
}

export interface ApplicationView {
  id: string;
  businessCode: string | null;
  businessType: string;
  businessTypeLabel: string;
  businessTypeId: string | null;
  state: string;
  stateLabel: string;
  version: number;
  channel: string;
  createdAt: string;
  submittedAt: string | null;
  institutionDecidedAt: string | null;
  acceptedAt: string | null;
  dueDate: string | null;
  /** 暂定: the period reaches a year whose holidays are not entered yet (《行政许可法》第八十二条). */
  dueDateProvisional: boolean;
  dueDateNote: string | null;
  decidedAt: string | null;
  updatedAt: string;
  applicant: ApplicantView;
  qualification: QualificationView | null;
  level: 'physician' | 'assistant' | null;
  levelLabel: string | null;
  payload: DraftPayload;
  form: ApplicationForm;
  institution: { id: string; name: string } | null;
  authority: { id: string; name: string } | null;
  correctionItems: string[] | null;
  decisionReasons: string | null;
  decisionDocument: { documentNo: string; issuedOn: string; url: string } | null;
  appealNotice: string | null;
  timeline: TimelineEntry[];
  allowedActions: AllowedAction[];
  editable: boolean;
  nextStep: NextStep;
}
