/**
 * 批量导入医疗机构 routes: the template (Excel and CSV, the form's fields as Chinese headers), 检查 (every problem,
 * nothing written) and 导入 (all or nothing; the answer is the credentials workbook with each new administrator's
 * one-time password — sent once, kept nowhere). No SQL and no rules here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INSTITUTION_IMPORT_HEADER, INSTITUTION_IMPORT_MAX_BYTES, INSTITUTION_IMPORT_MAX_ROWS } from '@medreg/domain';
import type { Deps } from '../../context';
import { accountActor } from '../../http/actor';
import { exportRoutes } from '../../http/export/routes';
import { sendExport } from '../../http/export/send';
import type { ExportColumn } from '../../http/export/table';
import { problemResponses } from '../../http/problem-schema';
import { InstitutionRegistryErrors as E } from './errors';
import { importFileTooLarge, type ImportUpload } from './import-file';
import { checkInstitutionImport, importInstitutions, type ImportedInstitution } from './import-service';
import { registryKeeper } from './policy';

const TAGS = ['医疗机构管理'];
const ADMIN = { audience: ['authority' as const], roles: ['authority_admin' as const] };
const BASE = '/api/v1/authority/institution-registry';
const RowError = z.object({ row: z.number().describe('行号（表头为第1行）'), field: z.string().describe('列名，或「文件」'), message: z.string() });
const CheckResult = z.object({
  rowCount: z.number(), valid: z.boolean(), errorRows: z.number(), rowErrors: z.array(RowError), moreErrors: z.number().describe('超出列出上限的错误数'),
});
const FILE_ERRORS = { 400: ['INSTITUTION_IMPORT_INVALID', 'INSTITUTION_IMPORT_UNREADABLE'], 403: ['FORBIDDEN'], 413: ['INSTITUTION_IMPORT_TOO_LARGE'] };
const FILE_HINT = `multipart：file，CSV（UTF-8 或 GB18030）或 Excel .xlsx，表头为模板各列，最多${INSTITUTION_IMPORT_MAX_ROWS}行、${INSTITUTION_IMPORT_MAX_BYTES / 1024 / 1024} MB`;

const CREDENTIAL_COLUMNS: readonly ExportColumn<ImportedInstitution>[] = [
  { header: '行号', width: 6, value: (r) => r.row },
  { header: '标准名称', width: 32, value: (r) => r.name },
  { header: '所在地区', width: 24, value: (r) => r.areaName },
  { header: '管理员姓名', width: 12, value: (r) => r.displayName },
  { header: '登录名', width: 20, value: (r) => r.loginName },
  { header: '一次性初始密码', width: 20, value: (r) => r.oneTimePassword },
  { header: '说明', width: 30, value: () => '首次登录须修改密码；本文件只提供一次，请妥善交付' },
];

/** The uploaded file as a stream (never buffered whole); the multipart limit sits just above the reader's own. */
async function importUpload(req: FastifyRequest): Promise<ImportUpload> {
  const missing = () => E.INSTITUTION_IMPORT_UNREADABLE({ path: ['file'], detail: '请选择要导入的文件（CSV 或 Excel .xlsx）' });
  if (!req.isMultipart()) throw missing();
  const part = await req.file({ limits: { fileSize: INSTITUTION_IMPORT_MAX_BYTES + 1, files: 1 } }).catch(() => undefined);
  if (!part) throw missing();
  return { filename: part.filename || '医疗机构导入', stream: tooLargeAsRefusal(part.file) };
}

async function* tooLargeAsRefusal(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw importFileTooLarge();
    throw error;
  }
}

async function* listed<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

export function institutionImportRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  exportRoutes(app, {
    path: `${BASE}/import-template`, config: ADMIN, tags: TAGS,
    summary: `批量导入医疗机构的模板（表头与新增表单各字段一致：科室以「、」分隔，所在地区代码为区县级 GB/T 2260 代码，审批机关填全称；每文件最多${INSTITUTION_IMPORT_MAX_ROWS}行）`,
    querystring: z.object({}), errors: { 403: ['FORBIDDEN'] },
    names: () => ({ ascii: 'institution-import-template', chinese: '医疗机构导入模板' }),
    table: (req) => {
      registryKeeper(accountActor(req));
      return { name: '医疗机构', columns: INSTITUTION_IMPORT_HEADER.map((header) => ({ header, width: 18, value: () => '' })), rows: listed([]) };
    },
  });

  app.post(`${BASE}/import/check`, {
    config: ADMIN,
    schema: {
      tags: TAGS, consumes: ['multipart/form-data'],
      summary: `检查批量导入文件，不写入（${FILE_HINT}）：逐行列出行号、列和原因`,
      response: { 200: CheckResult, ...problemResponses(FILE_ERRORS) },
    },
  }, async (req) => {
    const k = registryKeeper(accountActor(req));
    return checkInstitutionImport(deps, k, await importUpload(req));
  });

  app.post(`${BASE}/import`, {
    config: ADMIN,
    schema: {
      tags: TAGS, consumes: ['multipart/form-data'], produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      summary: `批量导入医疗机构（${FILE_HINT}）。任何一行有误则不导入（INSTITUTION_IMPORT_INVALID，rowErrors 逐行列出）；`
        + '成功则在一个事务中登记全部机构及其首位管理员，并以 Excel 返回各管理员的一次性初始密码（只返回这一次，服务器不保存明文；响应头 x-medreg-imported 为导入数）',
      response: { 201: z.string().describe('Excel workbook: 初始账户'), ...problemResponses({ ...FILE_ERRORS, 409: ['INSTITUTION_NAME_TAKEN', 'INSTITUTION_CREDIT_CODE_TAKEN', 'INSTITUTION_ADMIN_LOGIN_TAKEN'] }) },
    },
  }, async (req, reply) => {
    const k = registryKeeper(accountActor(req));
    const result = await importInstitutions(deps, k, await importUpload(req));
    reply.status(201).header('x-medreg-imported', String(result.imported.length)).header('x-medreg-import-id', result.importId);
    return sendExport(reply, 'xlsx', { ascii: 'institution-admin-credentials', chinese: '医疗机构管理员初始账户' }, { name: '初始账户', columns: CREDENTIAL_COLUMNS, rows: listed(result.imported) });
  });
}
