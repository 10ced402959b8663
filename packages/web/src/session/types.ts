/** The shapes of `GET/POST /api/v1/session` (see packages/server/src/modules/accounts/routes.ts). */

/** Which portal an account belongs to. */
export type ActorKind = 'physician' | 'institution' | 'authority';

export type Role =
  | 'physician'
  | 'institution_admin'
  | 'institution_clerk'
  | 'authority_reviewer'
  | 'authority_admin';

export interface AnonymousSession {
  authenticated: false;
}

export interface AuthenticatedSession {
  authenticated: true;
  kind: ActorKind;
  role: Role;
  /** Chinese name of the role, e.g. 医疗机构管理员. */
  roleLabel: string;
  loginName: string;
  displayName: string;
  institution: { id: string; name: string } | null;
  /** The health authority and its jurisdiction (GB/T 2260 area code; national/province/city/county). */
  authority: { id: string; name: string; areaCode: string; level: string } | null;
  physicianId: string | null;
  csrfToken: string;
  /** Signed in with a one-time password: every other page waits until the password is changed (/change-password). */
  mustChangePassword: boolean;
}

export type Session = AnonymousSession | AuthenticatedSession;

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

export interface LoginInput {
  loginName: string;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}
