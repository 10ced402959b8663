import { UPLOAD_LIMITS, defineErrors, formatMegabytes, formatPixels, spec } from '@medreg/domain';

const EACH = formatMegabytes(UPLOAD_LIMITS.attachmentBytes);
const TOTAL = formatMegabytes(UPLOAD_LIMITS.correctionTotalBytes);

/** Refusals of 医师资格校验, the 准考证号 pull and 资格补改 requests (seed question 五, domain BT-12). */
export const QualificationErrors = defineErrors({
  ADMISSION_TICKET_NOT_FOUND: spec(404, '未找到与您的姓名、身份证号相符的准考证号，请核对后重新输入', 'No exam record for this admission ticket and identity'),
  QUALIFICATION_NAME_MISMATCH: spec(409,
    '系统中有与您身份证号对应的医师资格信息，但姓名与您注册时填写的姓名不一致。可能是注册时姓名或身份证号填写有误，请修改正确后重新校验；如确认姓名及身份证号无误，请在「资格补改指南」中提交资格补改申请。',
    'Qualification found under another name'),
  QUALIFICATION_CORRECTION_PENDING: spec(409, '您已有一条正在处理的资格补改申请，请等待处理结果', 'A correction request is already open'),
  CORRECTION_AUTHORITY_UNAVAILABLE: spec(409, '暂无可受理资格补改的卫生健康行政部门，请联系当地卫生健康委', 'No authority can receive the request'),
  ATTACHMENT_TYPE_NOT_ALLOWED: spec(400, '附件只能是 JPEG、PNG 图片或 PDF 文件', 'Attachments must be JPEG, PNG or PDF'),
  ATTACHMENT_TOO_LARGE: spec(400, `每个附件不能超过 ${EACH}`, `Attachment larger than ${EACH}`),
  TOO_MANY_ATTACHMENTS: spec(400, `最多上传 ${UPLOAD_LIMITS.attachmentsPerCorrection} 个附件`, `At most ${UPLOAD_LIMITS.attachmentsPerCorrection} attachments`),
  ATTACHMENTS_TOTAL_TOO_LARGE: spec(400, `附件合计不能超过 ${TOTAL}`, `Attachments together larger than ${TOTAL}`),
  ATTACHMENT_UNREADABLE: spec(400, '附件已损坏或不完整，无法打开，请重新扫描或导出后上传', 'The attachment is damaged or incomplete'),
  ATTACHMENT_TOO_MANY_PIXELS: spec(400, `图片附件不能超过${formatPixels(UPLOAD_LIMITS.imageMaxPixels)}，请缩小后再上传`, 'The image attachment has too many pixels'),
  ATTACHMENT_ENCRYPTED: spec(400, 'PDF 附件不能加密或设置密码，请取消密码后重新上传', 'The PDF attachment is encrypted'),
  ATTACHMENT_ACTIVE_CONTENT: spec(400, 'PDF 附件不能含有脚本、自动执行的操作、嵌入文件等活动内容，请“打印为 PDF”或重新扫描后上传', 'The PDF attachment contains active content'),
  CORRECTION_REASON_REQUIRED: spec(400, '请填写申请资格补改的原因（不超过 1000 字）', 'Reason required'),
});
