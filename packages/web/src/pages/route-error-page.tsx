import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './not-found-page';

/** Shown instead of react-router's English default when rendering a page fails. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Result
      status="error"
      title="页面出现错误"
      subTitle="页面加载时出现问题，请刷新后重试。如问题持续存在，请联系系统管理员。"
      extra={
        <>
          <Button type="primary" onClick={() => window.location.reload()}>刷新页面</Button>
          <Button href="/">返回首页</Button>
        </>
      }
    />
  );
}
