import { Button, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { KeysetPages } from './use-keyset-pages';

interface Props {
  pages: KeysetPages;
  /** The `nextCursor` of the page shown (null on the last page). */
  nextCursor: string | null | undefined;
  /** Show 第 N 页 on the left, after `prefix` if given. */
  showPage?: boolean;
  prefix?: ReactNode;
}

/** 上一页 / 下一页 under a key-paginated table. */
export function KeysetPager({ pages, nextCursor, showPage = true, prefix }: Props) {
  return (
    <Flex justify={showPage ? 'space-between' : 'flex-end'} align="center" style={{ marginTop: 12 }}>
      {showPage && <Typography.Text type="secondary">{prefix}第 {pages.page + 1} 页</Typography.Text>}
      <Space>
        <Button disabled={pages.page === 0} onClick={pages.back}>上一页</Button>
        <Button disabled={!nextCursor} onClick={() => nextCursor && pages.forward(nextCursor)}>下一页</Button>
      </Space>
    </Flex>
  );
}
