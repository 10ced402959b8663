/**
 * Whose figures a dashboard shows. An authority sees its own jurisdiction and drills down into the authorities
 * below it; another authority's dashboard (a neighbour, one above) is refused with 403 — the same rule as the
 * queues (`canSeeAuthority`), answered as forbidden because the dashboard names no single record.
 */
import { jurisdictionContains, type JurisdictionLevel } from '@medreg/domain';
import type { Ctx } from '../../context';
import type { AccountActor } from '../../http/actor';
import { selectAuthoritiesWithin } from '../authority/queue-queries';
import { DashboardErrors } from './errors';

export interface AuthorityRef { id: string; name: string; areaCode: string; level: JurisdictionLevel }

const RANK: Record<JurisdictionLevel, number> = { national: 0, province: 1, city: 2, county: 3 };
const PREFIX: Record<JurisdictionLevel, number> = { national: 0, province: 2, city: 4, county: 6 };

export interface DashboardScope {
  authority: AuthorityRef;
  mine: boolean;
  /** The authority and every authority below it: whose applications count. */
  within: AuthorityRef[];
  /** The authorities directly below (none between): the drill-down targets. */
  children: AuthorityRef[];
  /** From the actor's own authority down to the one shown. */
  breadcrumb: AuthorityRef[];
}

export async function dashboardScope(c: Ctx, actor: AccountActor, authorityId: string | undefined): Promise<DashboardScope> {
  if (!actor.authority || !actor.authorityId) throw DashboardErrors.DASHBOARD_AUTHORITY_ONLY();
  const visible = await selectAuthoritiesWithin(c, actor.authority);
  const authority = visible.find((a) => a.id === (authorityId ?? actor.authorityId));
  if (!authority) throw DashboardErrors.DASHBOARD_OUT_OF_JURISDICTION({ path: ['authorityId'] });
  const within = visible.filter((a) => jurisdictionContains(authority, a));
  const below = within.filter((a) => a.id !== authority.id && RANK[a.level] > RANK[authority.level]);
  const children = below.filter((a) => !below.some((b) => b.id !== a.id && RANK[b.level] < RANK[a.level] && jurisdictionContains(b, a)));
  const breadcrumb = visible.filter((a) => jurisdictionContains(a, authority) && (a.id === authority.id || RANK[a.level] < RANK[authority.level]))
    .sort((a, b) => RANK[a.level] - RANK[b.level]);
  return { authority, mine: authority.id === actor.authorityId, within, children, breadcrumb };
}

/** The child of `scope` an authority belongs to (itself for the authority shown, 本级). */
export function childOf(scope: DashboardScope, a: AuthorityRef): AuthorityRef {
  return scope.children.find((child) => jurisdictionContains(child, a)) ?? scope.authority;
}

/** The first area level below the authority's (province → city, city → county); a county keeps its own. */
export function childAreaOf(level: JurisdictionLevel, areaCode: string): string {
  const keep = level === 'national' ? 2 : level === 'province' ? 4 : 6;
  return areaCode.slice(0, keep).padEnd(6, '0');
}

/** The area codes of a jurisdiction as a key range of 6-digit codes. */
export function areaRange(level: JurisdictionLevel, areaCode: string): [string, string] {
  const prefix = areaCode.slice(0, PREFIX[level]);
  return [prefix.padEnd(6, '0'), prefix.padEnd(6, '9')];
}
