import { Result } from 'antd';
import { ButtonLink } from '../components/button-link';
import { useDocumentTitle } from '../components/page-header';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  useDocumentTitle('页面不存在');
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除，请检查网址是否正确。"
      extra={<ButtonLink type="primary" to={home}>返回首页</ButtonLink>}
    />
  );
}
