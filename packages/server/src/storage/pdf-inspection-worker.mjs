// The PDF check of an upload (see pdf-inspection.ts), run in a worker thread: parsing can expand compressed
// object streams without bound, so it must neither hold the server's event loop nor outlive its time limit.
// Plain JavaScript so that the worker starts with no TypeScript loader, under the server and the tests alike.
//
// In:  workerData = the file's bytes (Uint8Array).
// Out: { ok: true, content: Uint8Array, pages: number }
//    | { ok: false, reason: 'unreadable' | 'no_pages' | 'encrypted' | 'active_content', activeContent?: string }
import { parentPort, workerData } from 'node:worker_threads';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';

const name = (n) => PDFName.of(n);

/** Dictionary keys that make a document act on its own: scripts, automatic actions, embedded files, XFA. */
const ACTIVE_KEYS = new Map([
  [name('JS'), 'javascript'],
  [name('JavaScript'), 'javascript'], // the document-level /Names /JavaScript tree
  [name('AA'), 'additional_actions'], // actions run on opening a page, focusing a field, printing…
  [name('EmbeddedFiles'), 'embedded_file'],
  [name('EF'), 'embedded_file'],
  [name('RichMediaContent'), 'rich_media'],
  [name('XFA'), 'xfa'],
]);

/** Action types (/S) that run code, start programs, open embedded files or send or load data. */
const ACTIVE_ACTIONS = new Map([
  [name('JavaScript'), 'javascript'],
  [name('Launch'), 'launch'],
  [name('GoToE'), 'embedded_file'],
  [name('RichMediaExecute'), 'rich_media'],
  [name('SubmitForm'), 'submit_form'],
  [name('ImportData'), 'import_data'],
]);

/** Object types (/Type, /Subtype) that are embedded files or rich media (Flash, video, sound, 3D). */
const ACTIVE_TYPES = new Map([
  [name('EmbeddedFile'), 'embedded_file'],
  [name('FileAttachment'), 'embedded_file'],
  [name('RichMedia'), 'rich_media'],
  [name('Screen'), 'rich_media'],
  [name('Movie'), 'rich_media'],
  [name('Sound'), 'rich_media'],
  [name('3D'), 'rich_media'],
]);

const S = name('S');
const TYPE = name('Type');
const SUBTYPE = name('Subtype');

/**
 * Walks everything reachable from the trailer (document catalog and info), iteratively (a deep or cyclic
 * structure cannot overflow the stack). Returns the kind of the first active content found, and the objects
 * reached. Names are compared after the parser decoded their #xx escapes (/J#61vaScript is /JavaScript).
 */
function walk(doc) {
  const { context } = doc;
  const reached = new Set();
  const stack = [context.trailerInfo.Root, context.trailerInfo.Info].filter(Boolean);
  while (stack.length > 0) {
    let obj = stack.pop();
    if (obj instanceof PDFRef) {
      if (reached.has(obj)) continue;
      reached.add(obj);
      obj = context.lookup(obj);
    }
    if (obj instanceof PDFStream) obj = obj.dict;
    if (obj instanceof PDFDict) {
      for (const [key, value] of obj.entries()) {
        const byKey = ACTIVE_KEYS.get(key);
        if (byKey) return { active: byKey, reached };
        if (key === S && ACTIVE_ACTIONS.has(value)) return { active: ACTIVE_ACTIONS.get(value), reached };
        if ((key === TYPE || key === SUBTYPE) && ACTIVE_TYPES.has(value)) return { active: ACTIVE_TYPES.get(value), reached };
        stack.push(value);
      }
    } else if (obj instanceof PDFArray) {
      for (const item of obj.asArray()) stack.push(item);
    }
  }
  return { active: undefined, reached };
}

async function inspect(bytes) {
  let doc;
  try {
    // The default parse speed yields every 100 objects; updateMetadata: false leaves no Producer or dates behind.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (doc.isEncrypted) return { ok: false, reason: 'encrypted' };
  let pages;
  try {
    pages = doc.getPageCount();
  } catch {
    return { ok: false, reason: 'unreadable' }; // e.g. a page tree that loops
  }
  if (pages === 0) return { ok: false, reason: 'no_pages' };

  // The document information and XMP metadata (author, software, dates) go, as EXIF does from images.
  doc.context.trailerInfo.Info = undefined;
  doc.catalog.delete(name('Metadata'));
  const { active, reached } = walk(doc);
  if (active) return { ok: false, reason: 'active_content', activeContent: active };
  // Only what was checked is written back: objects nothing refers to (earlier revisions, hidden leftovers) go.
  for (const [ref] of doc.context.enumerateIndirectObjects()) if (!reached.has(ref)) doc.context.delete(ref);

  try {
    const content = await doc.save({ addDefaultPage: false, updateFieldAppearances: false });
    return { ok: true, content, pages };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

const result = await inspect(workerData);
parentPort.postMessage(result, result.ok ? [result.content.buffer] : []);
