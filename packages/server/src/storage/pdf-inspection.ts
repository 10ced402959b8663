/**
 * PDFs (资格补改 attachments) are parsed completely with pdf-lib, in a worker thread (pdf-inspection-worker.mjs):
 * refused when they do not parse, have no page, are encrypted (they could not be checked), or hold active
 * content — JavaScript (also as an /OpenAction), /Launch, embedded files, additional actions (/AA), rich media,
 * XFA forms, form submission or data import. What is stored is the document RE-SAVED by pdf-lib, not the bytes
 * sent, because
 *   - bytes after %%EOF (an HTML page or a ZIP appended to make a polyglot) are not carried over;
 *   - earlier revisions of an incrementally updated file and objects nothing refers to are dropped, so text a
 *     person deleted or redacted in a later revision is not kept, and nothing hides where no check looked;
 *   - a viewer reads exactly the objects that were checked (one cross-reference table written anew), so no
 *     reader can find a different document in the same bytes than the check did;
 *   - the document information and XMP metadata go, as EXIF goes from images.
 * The cost: a re-saved file is not byte-identical to the one sent (a signature over the original bytes would no
 * longer verify; scanned certificates and ID cards carry none).
 *
 * 《中华人民共和国网络安全法》第二十一条: the operator takes technical measures against computer viruses and
 * network attacks — a file staff open from medreg must not run anything on their computers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UploadRefusedError, type ActiveContentKind, type UploadRefusalReason } from './upload-refusal';
import { serverFile } from '../server-files';

/** A PDF whose check takes longer than this is refused (a file of at most a few MB parses in well under a second). */
export const PDF_INSPECTION_TIME_LIMIT_MS = 5_000;

type WorkerResult =
  | { ok: true; content: Uint8Array; pages: number }
  | { ok: false; reason: Extract<UploadRefusalReason, 'unreadable' | 'no_pages' | 'encrypted' | 'active_content'>; activeContent?: ActiveContentKind };

// Plain JavaScript, so the same file serves the sources and the bundle.
const WORKER = serverFile('src/storage/pdf-inspection-worker.mjs');

/** At most one check per core at a time: a burst of uploads waits instead of starting a worker each. */
const slots = { free: Math.max(1, availableParallelism()), waiting: [] as (() => void)[] };

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free--;
  try {
    return await fn();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

function runWorker(content: Buffer, timeLimitMs: number): Promise<WorkerResult | 'timeout' | 'failed'> {
  return new Promise((resolve) => {
    // The V8 heap is capped; the decoded streams pdf-lib allocates are not, so the time limit is what bounds them.
    const worker = new Worker(WORKER, { workerData: new Uint8Array(content), resourceLimits: { maxOldGenerationSizeMb: 256 } });
    let settled = false;
    const settle = (value: WorkerResult | 'timeout' | 'failed') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle('timeout'), timeLimitMs);
    worker.once('message', (result: WorkerResult) => settle(result));
    worker.once('error', () => settle('failed'));
    worker.once('exit', () => settle('failed'));
  });
}

/** The re-saved PDF; refuses (UploadRefusedError) as described above. */
export async function inspectPdf(content: Buffer, options: { timeLimitMs?: number } = {}): Promise<Buffer> {
  const result = await withSlot(() => runWorker(content, options.timeLimitMs ?? PDF_INSPECTION_TIME_LIMIT_MS));
  if (result === 'timeout') throw new UploadRefusedError('too_complex');
  if (result === 'failed') throw new UploadRefusedError('unreadable');
  if (!result.ok) throw new UploadRefusedError(result.reason, result.activeContent);
  return Buffer.from(result.content.buffer, result.content.byteOffset, result.content.byteLength);
}
