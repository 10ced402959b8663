/**
 * Status changes of an import, each through QUALIFICATION_IMPORT_WORKFLOW with its history row in the same
 * transaction. The UPDATE is conditional on the status read, so of two workers only one moves an import on.
 */
import { and, eq } from 'drizzle-orm';
import { qualificationImportTransition, type QualificationImportAction, type QualificationImportStatus } from '@medreg/domain';
import type { Ctx } from '../../context';
import { qualificationImportEvents, qualificationImports, type QualificationImport } from '../../db/schema/index';

export async function moveImport(
  c: Ctx, id: string, action: QualificationImportAction, set: Partial<QualificationImport> = {}, reason?: string,
): Promise<QualificationImport | undefined> {
  const [current] = await c.tx.select({ status: qualificationImports.status }).from(qualificationImports).where(eq(qualificationImports.id, id)).for('update');
  if (!current) return undefined;
  const to: QualificationImportStatus = qualificationImportTransition(current.status, action);
  const [moved] = await c.tx.update(qualificationImports).set({ ...set, status: to, ...(reason ? { failureReason: reason } : {}) })
    .where(and(eq(qualificationImports.id, id), eq(qualificationImports.status, current.status))).returning();
  if (!moved) return undefined;
  await c.tx.insert(qualificationImportEvents).values({ importId: id, action, fromStatus: current.status, toStatus: to, reason: reason ?? null, createdAt: c.now() });
  return moved;
}
