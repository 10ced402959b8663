import { UPLOAD_LIMITS, defineErrors, formatMegabytes, formatPixels, spec } from '@medreg/domain';

/** Refusals of the physician's business applications (业务申请: 首次注册, 业务进度, 撤回). */
export const ApplicationErrors = defineErrors({
  BUSINESS_NOT_AVAILABLE_ONLINE: spec(422, '您的情况无法通过电子化注册系统办理', 'This case cannot be handled online'),
  BUSINESS_TYPE_NOT_OPEN: spec(422, '该业务暂未开放在线办理', 'This business type is not open online yet'),
  QUALIFICATION_REQUIRED: spec(422, '未查询到您有效的医师资格，暂不能办理注册', 'A valid qualification is required'),
  ALREADY_REGISTERED: spec(409, '您已有同一级别的有效执业注册，不能再办理首次注册', 'Already registered at this level'),
  APPLICATION_ALREADY_OPEN: spec(409, '您已有一项正在办理的首次注册申请，请继续办理该申请', 'A first-registration application is already open'),
  APPLICATION_NOT_EDITABLE: spec(409, '该申请当前不能修改', 'The application cannot be edited now'),
  APPLICATION_INCOMPLETE: spec(400, '申请信息不完整，请按提示补充后再提交', 'The application is incomplete'),
  APPLICATION_CURSOR_INVALID: spec(400, '翻页位置无效，请重新查询', 'Invalid page cursor'),
  PHOTO_REQUIRED: spec(400, '请选择要上传的照片', 'No photo was sent'),
  PHOTO_INVALID: spec(400, '照片须为 JPG 或 PNG 格式的图片', 'The photo must be a JPEG or PNG image'),
  PHOTO_TOO_LARGE: spec(413, `照片不能超过${formatMegabytes(UPLOAD_LIMITS.photoBytes)}`, `The photo exceeds ${formatMegabytes(UPLOAD_LIMITS.photoBytes)}`),
  PHOTO_TOO_MANY_PIXELS: spec(400, `照片不能超过${formatPixels(UPLOAD_LIMITS.imageMaxPixels)}，请缩小后再上传`, 'The photo has too many pixels'),
  APPLICATION_FILES_TOO_LARGE: spec(413, `本申请的照片和材料合计不能超过${formatMegabytes(UPLOAD_LIMITS.applicationTotalBytes)}`, 'The files of this application together are too large'),
  PHOTO_NOT_FOUND: spec(404, '该申请尚未上传照片', 'The application has no photo'),
});
