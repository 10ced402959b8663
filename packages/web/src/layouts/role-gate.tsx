import type { ReactNode } from 'react';
import { Forbidden } from '../components/forbidden';
import type { Role } from '../session/types';
import { useSession } from '../session/use-session';

/** Renders `children` only for the listed roles (a route's `roles`); the server checks again on every request. */
export function RoleGate({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { session } = useSession();
  if (!roles) return <>{children}</>;
  if (session?.authenticated && roles.includes(session.role)) return <>{children}</>;
  if (session?.authenticated) return <Forbidden session={session} />;
  return null;
}
