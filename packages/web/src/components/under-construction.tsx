import { Result } from 'antd';
import { PageHeader } from './page-header';

/** Placeholder for a page not built yet; replace it in the portal's routes.tsx. */
export function UnderConstruction({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Result status="info" title="页面建设中" subTitle={`「${title}」功能正在建设中，敬请期待。`} />
    </>
  );
}
