import { Button, type ButtonProps } from 'antd';
import { useHref, useLinkClickHandler } from 'react-router';

/** An antd Button that is a real link (<a href>) navigating inside the app without a page reload. */
export function ButtonLink({ to, replace, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string; replace?: boolean }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to, { replace });
  return <Button {...props} href={href} onClick={(e) => onClick(e as React.MouseEvent<HTMLAnchorElement>)} />;
}
