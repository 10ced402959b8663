import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, gt } from 'drizzle-orm';
import { CommonErrors } from '@medreg/domain';
import { accounts, authorities, physicians, sessions, institutions } from '../db/schema/index';
import type { AccountKind, AccountRole } from '../db/schema/index';
import type { AuthorityLevel } from '../db/schema/index';
import type { Deps } from '../context';
import { sha256 } from '../security/tokens';
import { sessionCache } from '../security/session-cache';
import { AccountErrors } from '../modules/accounts/errors';

export const SESSION_COOKIE = 'medreg_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AnonymousActor {
  kind: 'anonymous';
  role: 'public';
}

export interface AccountActor {
  kind: AccountKind;
  role: AccountRole;
  accountId: string;
  loginName: string;
  displayName: string;
  institutionId: string | null;
  institutionName: string | null;
  authorityId: string | null;
  authority: { name: string; areaCode: string; level: AuthorityLevel } | null;
  physicianId: string | null;
  csrfToken: string;
  /** A one-time password is still in use: only routes marked `beforePasswordChange` answer. */
  mustChangePassword: boolean;
}

export type Actor = AnonymousActor | AccountActor;
/** Who a route serves: 'public' admits everyone, including anonymous visitors. */
export type Audience = AccountKind | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Deny by default: every /api route declares the actor kinds it serves. */
    audience?: Audience[];
    /** Optionally narrow to roles within those kinds. */
    roles?: AccountRole[];
    /** Open to a session that must still change its one-time password (session info, logout, the change itself). */
    beforePasswordChange?: boolean;
    /** Counts each account's attempts against a limit (security/rate-limit.ts): the operation declares 429. */
    rateLimited?: boolean;
  }
}

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous', role: 'public' };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Looks the session cookie up (by its hash) with the account, organisation and physician in one query. */
export async function resolveActor(deps: Deps, token: string | undefined): Promise<Actor> {
  if (!token || token.length > 200) return ANONYMOUS;
  return (await lookUpSession(deps, sha256(token)))?.actor ?? ANONYMOUS;
}

/**
 * Who a request's session is: a read (GET, HEAD) may use the session cache (security/session-cache.ts), a write is
 * always authorised against the database.
 */
async function actorOf(deps: Deps, token: string | undefined, method: string): Promise<Actor> {
  if (!token || token.length > 200) return ANONYMOUS;
  if (UNSAFE.has(method)) return resolveActor(deps, token);
  const cache = sessionCache<AccountActor>(deps.engine, deps.db);
  const hash = sha256(token);
  const key = hash.toString('base64');
  const cached = cache.get(key, deps.now().getTime());
  if (cached) return cached;
  const epoch = cache.epochNow();
  const found = await lookUpSession(deps, hash);
  if (!found) return ANONYMOUS;
  cache.put(key, found.actor.accountId, found.actor, found.expiresAt.getTime(), epoch);
  return found.actor;
}

/** The session with this token hash, with its account, organisation and physician, in one query. */
async function lookUpSession(deps: Deps, hash: Buffer): Promise<{ actor: AccountActor; expiresAt: Date } | undefined> {
  const now = deps.now();
  const rows = await deps.db
    .select({
      accountId: accounts.id,
      kind: accounts.kind,
      role: accounts.role,
      loginName: accounts.loginName,
      displayName: accounts.displayName,
      disabled: accounts.disabled,
      mustChangePassword: accounts.mustChangePassword,
      institutionId: accounts.institutionId,
      institutionName: institutions.name,
      authorityId: accounts.authorityId,
      authorityName: authorities.name,
      authorityArea: authorities.areaCode,
      authorityLevel: authorities.level,
      physicianId: physicians.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(institutions, eq(institutions.id, accounts.institutionId))
    .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
    .leftJoin(physicians, eq(physicians.accountId, accounts.id))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabled) return undefined;
  const actor: AccountActor = {
    kind: row.kind,
    role: row.role,
    accountId: row.accountId,
    loginName: row.loginName,
    displayName: row.displayName,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    authorityId: row.authorityId,
    authority: row.authorityName && row.authorityArea && row.authorityLevel
      ? { name: row.authorityName, areaCode: row.authorityArea, level: row.authorityLevel }
      : null,
    physicianId: row.physicianId,
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
  };
  return { actor, expiresAt: row.expiresAt };
}


/**
 * Resolves the actor on every request and enforces each route's declared audience,
 * plus CSRF protection for cookie sessions: unsafe methods must echo the session's token.
 */
export function registerActorResolution(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null as never);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.audience) {
      throw new Error(`Route ${route.method} ${route.url} must declare config.audience (deny by default)`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    // Only the API needs to know who is asking: the web app's files, health checks and metrics cost no query.
    req.actor = req.url.startsWith('/api/') ? await actorOf(deps, req.cookies?.[SESSION_COOKIE], req.method) : ANONYMOUS;
    const audience = req.routeOptions.config?.audience;
    if (!audience) return;
    const actor = req.actor;
    if (actor.kind !== 'anonymous' && UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (sent !== actor.csrfToken) throw CommonErrors.CSRF_INVALID();
    }
    if (actor.kind !== 'anonymous' && actor.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) {
      throw AccountErrors.PASSWORD_CHANGE_REQUIRED({ detail: '首次登录须先修改初始密码：请在“修改密码”页面设置新密码后再继续操作' });
    }
    if (audience.includes('public')) return;
    if (actor.kind === 'anonymous') throw CommonErrors.UNAUTHENTICATED();
    if (!audience.includes(actor.kind)) throw CommonErrors.FORBIDDEN({ detail: '当前账户类型无权访问此功能' });
    const roles = req.routeOptions.config?.roles;
    if (roles && !roles.includes(actor.role)) throw CommonErrors.FORBIDDEN({ detail: '当前角色无权进行此操作' });
  });

  // A write's changes to sessions and accounts are forgotten by this process's cache before it answers, so the
  // client's next request — here — sees them (other processes within one poll interval).
  app.addHook('onSend', async (req, _reply, payload) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/')) await sessionCache(deps.engine, deps.db).syncIfCaching();
    return payload;
  });
  app.addHook('onClose', async () => { sessionCache(deps.engine, deps.db).stop(); });
}

/** Narrows the actor inside a handler whose audience admits only account holders. */
export function accountActor(req: FastifyRequest): AccountActor {
  if (req.actor.kind === 'anonymous') throw CommonErrors.UNAUTHENTICATED();
  return req.actor;
}
