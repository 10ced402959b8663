/**
 * Writes an import's rows in batches through COPY: valid rows into qualification_import_staging — the 身份证号 and
 * 资格证书编码 encrypted here, on the way in, with their keyed hashes and masked copies — and rejected rows'
 * problems into qualification_import_errors. A batch is sent while the next one is being read and checked (at most
 * one COPY in flight, so the database and the row checks work at the same time and memory stays at two batches).
 */
import { maskResidentId, type QualificationImportRow, type QualificationImportRowError } from '@medreg/domain';
import type { Engine } from '../../db/engine';
import { CopyBuffer } from '../../db/copy-text';
import { sealCertCode } from '../../security/cert-code';
import type { PiiCipher } from '../../security/pii';

const STAGING = 'qualification_import_staging (import_id, row_number, name, id_number_enc, id_number_hash, id_number_masked, cert_code_enc, cert_code_hash, cert_code_masked, admission_ticket_no, level, category, exam_category_code, exam_year, obtained_date, speciality)';
const ERRORS = 'qualification_import_errors (import_id, row_number, field, reason)';

export class StagingWriter {
  private readonly valid = new CopyBuffer();
  private readonly rejected = new CopyBuffer();
  private validCount = 0;
  private rejectedCount = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly engine: Engine, private readonly pii: PiiCipher, private readonly importId: string) {}

  get buffered(): number {
    return this.validCount + this.rejectedCount;
  }

  addValid(r: QualificationImportRow): void {
    const cert = sealCertCode(this.pii, r.certCode);
    this.valid.add([
      this.importId, r.rowNumber, r.name, this.pii.encrypt(r.idNumber), this.pii.hash(r.idNumber), maskResidentId(r.idNumber),
      cert.certCodeEnc, cert.certCodeHash, cert.certCodeMasked, r.admissionTicketNo, r.level, r.category,
      r.examCategoryCode, r.examYear, r.obtainedDate, r.speciality,
    ]);
    this.validCount++;
  }

  addRejected(errors: readonly QualificationImportRowError[]): void {
    const seen = new Set<string>();
    for (const e of errors) {
      if (seen.has(e.field)) continue; // one reason per row and column (the table's key)
      seen.add(e.field);
      this.rejected.add([this.importId, e.rowNumber, e.field, e.reason]);
    }
    this.rejectedCount++;
  }

  /**
   * Waits for the batch in flight, then starts sending the buffered rows and returns without waiting for them
   * (so the bytes taken are sent before the next take reuses their memory).
   */
  async send(): Promise<void> {
    await this.inFlight;
    const valid = this.valid.take();
    const rejected = this.rejected.take();
    this.validCount = 0;
    this.rejectedCount = 0;
    this.inFlight = (async () => {
      if (valid.length) await this.engine.copyFrom(STAGING, valid);
      if (rejected.length) await this.engine.copyFrom(ERRORS, rejected);
    })();
    this.inFlight.catch(() => undefined); // awaited by the next send() or finish()
  }

  /** Sends what is buffered and waits until every row is written. */
  async finish(): Promise<void> {
    await this.send();
    await this.inFlight;
  }

  /** Waits for the batch in flight, whatever its outcome (before an import that failed is cleaned up). */
  async settled(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }
}
