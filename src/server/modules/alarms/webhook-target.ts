/**
 * Where a webhook may post (issue 12 "webhooks"; docs/monitoring-alarms.md "Webhook targets"): an enterprise admin
 * must not aim the platform at its own network (SSRF) — loopback, private, link-local (cloud metadata
 * 169.254.169.254), carrier-grade NAT, multicast and reserved ranges, IPv4 and IPv6 (also IPv4-mapped), and names
 * that mean "this machine" or "this network" (localhost, *.localhost, *.local, *.internal). Pure: the server checks
 * the URL when the webhook is registered and every resolved address before each delivery.
 */
import { isIP } from 'node:net';

const V4_BLOCKED: [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const v4 = (ip: string) => ip.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;

/** Why an IPv4 address is not a public destination, or null. */
function v4Reason(ip: string): string | null {
  const n = v4(ip);
  for (const [net, bits, why] of V4_BLOCKED) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((n & mask) === (v4(net) & mask)) return why;
  }
  return null;
}

/** The 8 groups of an IPv6 address as numbers. */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().split('%')[0]!;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const n = v4(tail[1]!);
    s = s.slice(0, -tail[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = s.includes('::') ? s.split('::') : [s, null];
  const h = head ? head.split(':').filter(Boolean) : [];
  const r = rest ? rest.split(':').filter(Boolean) : [];
  const groups = rest === null ? h : [...h, ...Array(8 - h.length - r.length).fill('0'), ...r];
  return groups.map((g) => parseInt(g, 16));
}

/** Why an IP address (v4 or v6) is not a public destination, or null when it is one. */
export function privateAddressReason(ip: string): string | null {
  const kind = isIP(ip.replace(/^\[|\]$/g, ''));
  const a = ip.replace(/^\[|\]$/g, '');
  if (kind === 4) return v4Reason(a);
  if (kind !== 6) return 'not an IP address';
  const g = v6Groups(a);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4Reason(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`); // IPv4-mapped
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique local';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  return null;
}

/**
 * Why a webhook URL's host is refused at registration, or null: a literal address that is not public, or a name of
 * this machine or network. Other names are checked when resolved, before each delivery.
 */
export function webhookHostRefusal(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'not a URL';
  }
  const bare = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIP(bare)) return privateAddressReason(bare);
  if (bare === 'localhost' || /\.(localhost|local|internal|localdomain|home\.arpa)$/.test(bare) || !bare.includes('.')) return 'a name of this machine or network';
  return null;
}
