import { Breadcrumb, Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface PageHeaderProps {
  /** The page's title, also used for the browser tab. */
  title: string;
  /** One or two sentences under the title. */
  description?: ReactNode;
  /** Buttons on the right. */
  extra?: ReactNode;
  /** Optional trail, e.g. [{ title: '业务进度', to: '/physician/applications' }, { title: '详情' }]. */
  breadcrumb?: { title: string; to?: string }[];
}

/** The title block at the top of every page. */
export function PageHeader({ title, description, extra, breadcrumb }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {breadcrumb && breadcrumb.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={breadcrumb.map((b) => ({ title: b.to ? <Link to={b.to}>{b.title}</Link> : b.title }))}
        />
      )}
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description && (
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              {description}
            </Typography.Paragraph>
          )}
        </div>
        {extra && <Flex gap={8} wrap>{extra}</Flex>}
      </Flex>
    </header>
  );
}

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} - 医师电子化注册信息系统` : '医师电子化注册信息系统';
  }, [title]);
}
