/** Sends an export as a download in the format asked for. */
import type { FastifyReply } from 'fastify';
import { csvStream } from './csv';
import type { ExportFormat, ExportNames, ExportTable } from './table';
import { XLSX_TYPE, xlsxStream } from './xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = { xlsx: XLSX_TYPE, csv: 'text/csv; charset=utf-8' };

export function sendExport<T>(reply: FastifyReply, format: ExportFormat, names: ExportNames, table: ExportTable<T>) {
  const body = format === 'xlsx' ? xlsxStream(table) : csvStream(table);
  return reply
    .type(EXPORT_CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${names.ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${names.chinese}.${format}`)}`)
    .header('cache-control', 'private, no-store')
    // A stream is sent as it is (no serializer); the route's 200 schema documents it in OpenAPI.
    .send(body as unknown as string);
}
