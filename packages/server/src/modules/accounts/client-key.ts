import ipaddr from 'ipaddr.js';

/**
 * The address a login lockout is keyed by: an IPv4 address as is (IPv4-mapped IPv6 unwrapped), an IPv6
 * address by its /64 prefix — one subscriber usually holds a whole /64 and could otherwise try each of
 * its addresses in turn.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
