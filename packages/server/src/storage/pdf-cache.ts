import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Deps } from '../context';
import { inTransaction, reading } from '../context';
import { rowsOf } from '../db/rows';
import { openSealedBlob, sealBlob } from '../security/sealed-blob';

export type CachedPdfKind = 'application_form' | 'certificate';

export interface PdfCacheRequest {
  kind: CachedPdfKind;
  subjectId: string;
  /** Everything the document prints except the time of rendering (files by their SHA-256), with the layout version. */
  printed: unknown;
  /** Whether the PDF prints a full 身份证号: then it is stored encrypted. */
  sealed: boolean;
  render: () => Promise<Buffer>;
}

export interface CachedPdf {
  pdf: Buffer;
  /** Whether this request rendered it (false: served from the shared cache). */
  rendered: boolean;
  renderedAt: Date;
}

interface CacheRow {
  fingerprint: string;
  sha256: string;
  sealed: boolean;
  rendered_at: Date | string;
}

/** Stable JSON (sorted keys) of what a document prints, hashed. */
export function pdfFingerprint(printed: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(printed))).digest('hex');
}

/**
 * A generated PDF as every process serves it: one current rendering per document in pdf_cache, keyed by
 * a fingerprint of what it prints. When the printed data change the fingerprint no longer matches and the
 * next request renders anew, so nobody has to remember to invalidate. Two processes rendering at once both
 * store theirs, but only the first row stands and both answer with it.
 */
export async function cachedPdf(deps: Deps, req: PdfCacheRequest): Promise<CachedPdf> {
  const fingerprint = pdfFingerprint(req.printed);
  const hit = await servedFromCache(deps, req, fingerprint);
  if (hit) return hit;

  const rendered = await req.render();
  const stored = req.sealed ? sealBlob(deps.pii, rendered) : rendered;
  return inTransaction(deps, async (c) => {
    const blob = await c.blobs.put(c.tx, stored, req.sealed ? 'application/octet-stream' : 'application/pdf');
    const [row] = await rowsOf<CacheRow>(c.tx, sql`
      INSERT INTO pdf_cache (kind, subject_id, fingerprint, sha256, sealed, rendered_at)
      VALUES (${req.kind}, ${req.subjectId}, ${fingerprint}, ${blob.sha256}, ${req.sealed}, now())
      ON CONFLICT (kind, subject_id) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, sha256 = EXCLUDED.sha256, sealed = EXCLUDED.sealed, rendered_at = EXCLUDED.rendered_at
        WHERE pdf_cache.fingerprint <> EXCLUDED.fingerprint
      RETURNING fingerprint, sha256, sealed, rendered_at`);
    if (row) return { pdf: rendered, rendered: true, renderedAt: new Date(row.rendered_at) };
    // Another process stored this very version first: serve theirs, so that everyone sees one document.
    const [winner] = await rowsOf<CacheRow>(c.tx, sql`
      SELECT fingerprint, sha256, sealed, rendered_at FROM pdf_cache WHERE kind = ${req.kind} AND subject_id = ${req.subjectId}`);
    const content = winner ? await c.blobs.get(c.tx, winner.sha256) : undefined;
    if (!winner || !content) return { pdf: rendered, rendered: true, renderedAt: c.now() };
    return { pdf: winner.sealed ? openSealedBlob(c.pii, content) : content, rendered: false, renderedAt: new Date(winner.rendered_at) };
  });
}

async function servedFromCache(deps: Deps, req: PdfCacheRequest, fingerprint: string): Promise<CachedPdf | undefined> {
  const c = reading(deps);
  const [row] = await rowsOf<CacheRow>(c.tx, sql`
    SELECT fingerprint, sha256, sealed, rendered_at FROM pdf_cache WHERE kind = ${req.kind} AND subject_id = ${req.subjectId}`);
  if (!row || row.fingerprint !== fingerprint) return undefined;
  const content = await c.blobs.get(c.tx, row.sha256);
  if (!content) return undefined;
  return { pdf: row.sealed ? openSealedBlob(deps.pii, content) : content, rendered: false, renderedAt: new Date(row.rendered_at) };
}
