/**
 * All client routes. Portals are assembled from their routes.tsx files (see src/portals/types.ts);
 * add pages there, not here.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageSuspense } from './components/lazy-page';
import { PortalLayout, portalUrl } from './layouts/portal-layout';
import { RoleGate } from './layouts/role-gate';
import { SiteLayout } from './layouts/site-layout';
import { ChangePasswordPage } from './pages/change-password-page';
import { DevInboxPage } from './pages/dev-inbox-page';
import { LandingPage } from './pages/landing-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import * as authority from './portals/authority/routes';
import * as institution from './portals/institution/routes';
import { PORTALS } from './portals/portals';
import * as physician from './portals/physician/routes';
import * as publicPortal from './portals/public/routes';
import type { PortalId, PortalModule, PortalRoute } from './portals/types';

const MODULES: Record<PortalId, PortalModule> = { physician, institution, authority, public: publicPortal };

function toRouteObject(route: PortalRoute): RouteObject {
  // Portal pages are lazy chunks (components/lazy-page.tsx): the loading state stays inside the portal's layout.
  const page = <PageSuspense>{route.element}</PageSuspense>;
  const element = route.roles ? <RoleGate roles={route.roles}>{page}</RoleGate> : page;
  const path = route.path.replace(/^\/+|\/+$/g, '');
  return path ? { path, element } : { index: true, element };
}

function portalRoute(id: PortalId): RouteObject {
  const mod = MODULES[id];
  return {
    path: PORTALS[id].base,
    element: <PortalLayout portal={id} menu={mod.menu} />,
    children: [...mod.routes.map(toRouteObject), { path: '*', element: <NotFoundPage home={PORTALS[id].base} /> }],
  };
}

/** Pages under a portal's base that need no sign-in (e.g. /physician/register), in the plain site layout. */
function openPortalRoutes(): RouteObject[] {
  return (Object.keys(MODULES) as PortalId[]).flatMap((id) =>
    (MODULES[id].publicRoutes ?? []).map((r) => ({ ...toRouteObject(r), index: undefined, path: portalUrl(PORTALS[id].base, r.path) }) as RouteObject),
  );
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <SiteLayout />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'dev/inbox', element: <DevInboxPage /> },
          ...openPortalRoutes(),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      portalRoute('physician'),
      portalRoute('institution'),
      portalRoute('authority'),
      portalRoute('public'),
    ],
  },
];

export const router = createBrowserRouter(routes);
