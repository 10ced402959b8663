import proxyaddr from '@fastify/proxy-addr';

/** Which proxies' X-Forwarded-For is believed: nobody, the nearest N hops, or a list of addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/**
 * Parses TRUST_PROXY: unset or empty → trust nobody (the socket address is the client);
 * an integer → trust that many hops; otherwise a comma-separated list of addresses, CIDRs or
 * proxy-addr range names (loopback, linklocal, uniquelocal). Returns a Chinese message when invalid.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { error: string } {
  const text = (raw ?? '').trim();
  if (text === '') return { value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? { value: false } : { value: hops };
  }
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of list) {
    try {
      proxyaddr.compile(entry);
    } catch {
      return { error: `TRUST_PROXY 中的“${entry}”不是地址、CIDR 或跳数` };
    }
  }
  return { value: list };
}

/** The form Fastify's `trustProxy` option takes (its types have no hop count, so hops become a function). */
export function fastifyTrustProxy(value: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}
