/**
 * 国家医师资格信息导入 (province administrators): upload a CSV or Excel file (streamed, up to 2 GB) → a queued
 * import run by the pg-boss worker; the list of imports (filters, keyset pages, total); one import's progress;
 * the error report and the template, each as Excel and CSV. No SQL and no rules here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QUALIFICATION_IMPORT_MAX_BYTES, QualificationImportListQuery } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { exportRoutes } from '../../http/export/routes';
import { problemResponses } from '../../http/problem-schema';
import { qualificationImportWorker } from '../../jobs/qualification-import-worker';
import { errorReportSheet } from './error-report';
import { QualificationImportErrors } from './errors';
import { ImportView, listImports, loadImport, presentImport } from './list';
import { importKeeper } from './policy';
import { templateSheet } from './template';
import { startImport, type UploadedFile } from './upload';

const TAGS = ['国家医师资格信息导入'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };
const BASE = '/api/v1/authority/qualification-imports';
const IdParams = z.object({ id: z.uuid('编号无效') });
const Listed = z.object({ items: z.array(ImportView), total: z.number(), nextCursor: z.string().nullable() });
const FORBIDDEN = ['FORBIDDEN', 'QUALIFICATION_IMPORT_FORBIDDEN'];

async function uploadedFile(req: FastifyRequest): Promise<UploadedFile> {
  const missing = () => QualificationImportErrors.QUALIFICATION_IMPORT_FILE_MISSING({ path: ['file'], detail: '请选择要导入的资格信息文件（CSV 或 Excel .xlsx）' });
  if (!req.isMultipart()) throw missing();
  const part = await req.file({ limits: { fileSize: QUALIFICATION_IMPORT_MAX_BYTES, files: 1 } }).catch(() => undefined);
  if (!part) throw missing();
  return { filename: part.filename || '资格信息', stream: part.file, truncated: () => part.file.truncated };
}

export async function qualificationImportRoutes(root: FastifyInstance, deps: Deps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(BASE, {
    config: ADMIN,
    schema: {
      tags: TAGS, consumes: ['multipart/form-data'],
      summary: '开始导入国家医师资格信息（multipart：file，CSV 或 Excel .xlsx，最大 2 GB；逐行校验，合格行入库，不合格行列入错误报告）',
      response: { 202: ImportView, ...problemResponses({ 400: ['QUALIFICATION_IMPORT_FILE_MISSING', 'QUALIFICATION_IMPORT_FILE_UNREADABLE'], 403: FORBIDDEN, 413: ['QUALIFICATION_IMPORT_FILE_TOO_LARGE'] }) },
    },
  }, async (req, reply) => {
    const actor = accountActor(req);
    importKeeper(actor); // refuse before reading any of the upload
    const created = await startImport(deps, actor, await uploadedFile(req));
    await qualificationImportWorker(deps).enqueue(created.id);
    return reply.status(202).send(presentImport(created));
  });

  app.get(BASE, {
    config: ADMIN,
    schema: { tags: TAGS, summary: '导入记录（本部门；筛选：状态、文件名；按时间倒序分页，含总数）', querystring: QualificationImportListQuery, response: { 200: Listed, ...problemResponses({ 400: ['VALIDATION_FAILED', 'QUALIFICATION_IMPORT_CURSOR_INVALID'], 403: FORBIDDEN }) } },
  }, async (req) => listImports(reading(deps), accountActor(req), req.query));

  exportRoutes(app, {
    path: `${BASE}/template`, config: ADMIN, tags: TAGS,
    summary: '下载导入模板（列名与一行示例；带＊的列必填）', querystring: z.object({}), errors: { 403: FORBIDDEN },
    names: () => ({ ascii: 'qualification-import-template', chinese: '医师资格信息导入模板' }),
    table: (req) => {
      importKeeper(accountActor(req));
      return templateSheet();
    },
  });

  app.get(`${BASE}/:id`, {
    config: ADMIN,
    schema: { tags: TAGS, summary: '导入进度与结果（已读取、合格、不合格、新增、更新、未变化行数）', params: IdParams, response: { 200: ImportView, ...problemResponses({ 400: ['VALIDATION_FAILED'], 403: FORBIDDEN, 404: ['QUALIFICATION_IMPORT_NOT_FOUND'] }) } },
  }, async (req) => presentImport(await loadImport(reading(deps), accountActor(req), req.params.id)));

  exportRoutes(app, {
    path: `${BASE}/:id/errors`, config: ADMIN, tags: TAGS,
    summary: '下载错误报告（行号、列、原因）', querystring: z.object({}), errors: { 403: FORBIDDEN, 404: ['QUALIFICATION_IMPORT_NOT_FOUND'] },
    names: () => ({ ascii: 'qualification-import-errors', chinese: '资格信息导入错误报告' }),
    table: async (req) => {
      const c = reading(deps);
      const imp = await loadImport(c, accountActor(req), (req.params as { id: string }).id);
      return errorReportSheet(c, imp.id);
    },
  });
}
