// 资格补改 requests with attachments, sent as the physician's browser sends them (multipart/form-data).
import type { Agent } from './agent';

export interface FormFile {
  filename: string;
  /** The type the browser declares: never trusted by the server. */
  type?: string;
  data: Buffer;
}

/** A multipart/form-data body: text fields, then each file under the field `attachments`. */
export function correctionForm(fields: Record<string, string>, files: FormFile[]) {
  const boundary = `----medreg${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function submitCorrection(agent: Agent, reason: string, files: FormFile[] = []) {
  const { payload, headers } = correctionForm({ reason }, files);
  return agent.request('POST', '/api/v1/physician/qualification-corrections', payload, { headers });
}
