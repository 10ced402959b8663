/**
 * The contract between the app shell and each portal's `routes.tsx`.
 *
 * A portal lives under one base path (/physician, /institution, /authority, /public) and exports:
 *
 *   export const routes: PortalRoute[]        // pages, paths relative to the base
 *   export const menu: PortalMenuItem[]       // left menu, keys = the same relative paths
 *   export const publicRoutes?: PortalRoute[] // optional: pages under the base that need NO sign-in
 *
 * Paths are relative and have no leading slash: '' is the portal home (/physician),
 * 'applications/:id' is /physician/applications/:id. A menu item is highlighted when the current
 * page is its path or below it (the longest matching key wins), so detail pages need no menu entry.
 * `roles` (optional) limits a page or menu item to some roles of the portal's actor kind;
 * others see a 403 notice and do not see the menu item.
 */
import type { ReactNode } from 'react';
import type { ActorKind, Role } from '../session/types';

export type PortalId = ActorKind | 'public';

export interface PortalRoute {
  /** Relative to the portal base; '' = portal home; react-router syntax (`:id`, trailing `*`). */
  path: string;
  element: ReactNode;
  roles?: Role[];
}

export interface PortalMenuItem {
  /** The relative path this item opens ('' = portal home). Items with `children` are groups: any unique key. */
  key: string;
  label: ReactNode;
  icon?: ReactNode;
  roles?: Role[];
  children?: PortalMenuItem[];
}

export interface PortalModule {
  routes: PortalRoute[];
  menu: PortalMenuItem[];
  publicRoutes?: PortalRoute[];
}
