import type { ActorKind } from '../session/types';
import type { PortalId } from './types';

export interface PortalInfo {
  id: PortalId;
  /** Shown in the header next to the system name. */
  name: string;
  base: string;
  /** Short explanation on the landing page. */
  description: string;
  /** Whether the portal requires a session of its own kind. */
  guarded: boolean;
}

export const PORTALS = {
  physician: {
    id: 'physician',
    name: '医师个人端',
    base: '/physician',
    description: '医师注册账号、激活个人身份，查看资格信息与执业信息，在线提交执业注册、变更等业务申请并查看办理进度。',
    guarded: true,
  },
  institution: {
    id: 'institution',
    name: '医疗机构端',
    base: '/institution',
    description: '医疗机构办理本机构医师的业务申请、打印《医师执业注册申请审核表》，激活医师账户，验证医师注册信息。',
    guarded: true,
  },
  authority: {
    id: 'authority',
    name: '卫生健康行政部门端',
    base: '/authority',
    description: '卫生健康行政部门在法定时限内审批医师执业注册申请，处理资格信息补改，发放电子化执业证书。',
    guarded: true,
  },
  public: {
    id: 'public',
    name: '公众查询',
    base: '/public',
    description: '社会公众可查询医师的执业注册信息，核实医师的执业类别、执业范围和主要执业机构。',
    guarded: false,
  },
} as const satisfies Record<PortalId, PortalInfo>;

export const ACTOR_KINDS = ['physician', 'institution', 'authority'] as const satisfies readonly ActorKind[];

export function isActorKind(value: unknown): value is ActorKind {
  return typeof value === 'string' && (ACTOR_KINDS as readonly string[]).includes(value);
}

/** Where a person lands after logging in. */
export function portalHome(kind: ActorKind): string {
  return PORTALS[kind].base;
}

export function loginPath(kind: ActorKind, redirect?: string): string {
  const params = new URLSearchParams({ portal: kind });
  if (redirect) params.set('redirect', redirect);
  return `/login?${params.toString()}`;
}
