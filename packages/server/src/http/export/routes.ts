/**
 * One declaration, two downloads: `<path>.xlsx` and `<path>.csv`, with the same query (the list's filters and
 * sort), the same columns and the same error statuses in OpenAPI.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type z } from 'zod';
import { problemResponses } from '../problem-schema';
import { binary } from '../responses';
import { EXPORT_CONTENT_TYPES, sendExport } from './send';
import { EXPORT_FORMATS, type ExportFormat, type ExportNames, type ExportTable } from './table';

const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'Excel .xlsx', csv: 'CSV，UTF-8' };

export interface ExportRoute<Q extends z.ZodType> {
  /** Without the extension, e.g. `/api/v1/institution/physicians/export`. */
  path: string;
  config: FastifyContextConfig;
  tags: string[];
  /** What is exported, e.g. 「导出本机构医师（与列表相同的筛选和顺序，最多5万条；身份证号脱敏）」. */
  summary: string;
  querystring: Q;
  errors: Record<number, readonly string[]>;
  names(req: FastifyRequest): ExportNames;
  /** Checks access, records the export in the audit trail if it should, and returns the rows to write. */
  table(req: FastifyRequest & { query: z.infer<Q> }, format: ExportFormat): Promise<ExportTable<unknown>> | ExportTable<unknown>;
}

export function exportRoutes<Q extends z.ZodType>(root: FastifyInstance, route: ExportRoute<Q>): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  for (const format of EXPORT_FORMATS) {
    app.get(`${route.path}.${format}`, {
      config: route.config,
      schema: {
        tags: route.tags,
        summary: `${route.summary}（${FORMAT_LABELS[format]}）`,
        querystring: route.querystring,
        produces: [EXPORT_CONTENT_TYPES[format]],
        response: { 200: binary(EXPORT_CONTENT_TYPES[format], format === 'xlsx' ? 'Excel workbook' : 'UTF-8 CSV'), ...problemResponses(route.errors) },
      },
    }, async (req, reply) => {
      const table = await route.table(req as FastifyRequest & { query: z.infer<Q> }, format);
      return sendExport(reply, format, route.names(req), table);
    });
  }
}
