import { Card } from 'antd';
import type { ReactNode } from 'react';

/** One titled block of a detail page (申请人信息, 资格信息, 办理记录 …). */
export function DetailSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
