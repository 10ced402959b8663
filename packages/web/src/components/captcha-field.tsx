import { Flex, Form, Input, Spin } from 'antd';
import { captchaImageSrc, type Captcha } from '../session/captcha';

export interface CaptchaFieldProps {
  captcha: Captcha | undefined;
  loading?: boolean;
  onRefresh: () => void;
  /** Form field name, `captchaAnswer` as the API calls it. */
  name?: string;
}

/**
 * 验证码: the input and the captcha image (click the image to get a new one).
 * Use with `useCaptcha()`; send `captcha.id` as `captchaId` with the form.
 */
export function CaptchaField({ captcha, loading = false, onRefresh, name = 'captchaAnswer' }: CaptchaFieldProps) {
  return (
    <Form.Item label="验证码" htmlFor={name} required style={{ marginBottom: 24 }}>
      <Flex gap={8} align="flex-start">
        <Form.Item name={name} noStyle rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}>
          <Input id={name} placeholder="请输入右侧图中字符" autoComplete="off" maxLength={10} style={{ flex: 1 }} />
        </Form.Item>
        <button
          type="button"
          className="captcha-image"
          onClick={onRefresh}
          title="看不清？点击更换图片"
          aria-label="看不清？点击更换图片"
          data-test-answer={captcha?.testAnswer}
        >
          {captcha && !loading ? (
            <img src={captchaImageSrc(captcha.svg)} alt="图形验证码" width={120} height={40} />
          ) : (
            <Spin size="small" />
          )}
        </button>
      </Flex>
    </Form.Item>
  );
}
