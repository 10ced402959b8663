/**
 * Who acts on an application (domain §1): the physician, the institution's staff (admin / clerk),
 * the health authority's staff (reviewer / admin) and the anonymous public, which may take no action.
 */
export const ACTOR_ROLES = ['physician', 'institution_admin', 'institution_clerk', 'authority_reviewer', 'authority_admin', 'public'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS = {
  physician: '医师',
  institution_admin: '机构管理员',
  institution_clerk: '机构经办人',
  authority_reviewer: '审核人员',
  authority_admin: '卫生健康行政部门管理员',
  public: '公众',
} as const satisfies Record<ActorRole, string>;

export const INSTITUTION_ROLES = ['institution_admin', 'institution_clerk'] as const satisfies readonly ActorRole[];
export const AUTHORITY_ROLES = ['authority_reviewer', 'authority_admin'] as const satisfies readonly ActorRole[];

export function isActorRole(value: unknown): value is ActorRole {
  return (ACTOR_ROLES as readonly unknown[]).includes(value);
}
