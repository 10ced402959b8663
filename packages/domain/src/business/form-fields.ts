/** Form pieces every business form shares (the web's forms and the server's request schemas are built from them). */
import { z } from 'zod';
import { plainText } from '../text/plain-text';
import { DECLARATION_KEYS } from '../applications/declarations';

export const isoDateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** 执业地点, or the place to search institutions in: a GB/T 2260 code. */
export const regionCodeField = z.string().regex(/^\d{6}$/, '请选择执业地点');
export const recordIdField = (message: string) => z.uuid(message);
/** 执业范围 codes from the catalogue (reference/practice-scopes.ts). */
export const scopeCodesField = z.array(plainText().max(10)).min(1, '请选择执业范围').max(5);
export const departmentField = plainText().trim().min(1, '请填写科室').max(50);
/** 申请理由 — the physician states why (domain §2.2 BT-03 data). */
export const reasonField = plainText({ multiline: true }).trim().min(1, '请填写申请理由').max(500);
export const sha256Field = z.string().regex(/^[0-9a-f]{64}$/, '请上传文件');
/** 申请人承诺 (《医师法》第十六条), every item confirmed. */
export const declarationsField = z.record(z.enum(DECLARATION_KEYS), z.literal(true, '须逐项确认申请人承诺'));
