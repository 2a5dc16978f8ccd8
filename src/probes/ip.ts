import { isIP } from 'node:net';

export type AddressKind = 'public' | 'private' | 'shared' | 'loopback' | 'link-local' | 'unique-local' | 'unspecified';

function v4Bytes(a: string): number[] | null {
  const parts = a.split('.');
  if (parts.length !== 4) return null;
  const n = parts.map((p) => Number(p));
  return n.every((x, i) => /^\d{1,3}$/.test(parts[i]!) && x <= 255) ? n : null;
}

function classifyV4(b: number[]): AddressKind {
  const [a, c] = [b[0]!, b[1]!];
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && c >= 16 && c <= 31) || (a === 192 && c === 168)) return 'private';
  if (a === 100 && c >= 64 && c <= 127) return 'shared';
  if (a === 169 && c === 254) return 'link-local';
  return 'public';
}

/** Expands an IPv6 address to its 8 groups (handles :: and an embedded IPv4 tail). */
function v6Groups(addr: string): number[] | null {
  let a = addr.toLowerCase().replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (tail) {
    const b = v4Bytes(tail[1]!);
    if (!b) return null;
    a = a.slice(0, -tail[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...rest].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * Whether an address is reachable only inside a network: RFC 1918, shared (100.64/10, which Azure
 * virtual networks may use), loopback, link-local, IPv6 unique-local (fc00::/7).
 */
export function classifyAddress(address: string): { kind: AddressKind; private: boolean } {
  const family = isIP(address.replace(/%.*$/, ''));
  let kind: AddressKind = 'public';
  if (family === 4) {
    kind = classifyV4(v4Bytes(address)!);
  } else if (family === 6) {
    const g = v6Groups(address);
    if (g) {
      const allZeroHead = g.slice(0, 5).every((x) => x === 0);
      if (allZeroHead && g[5] === 0xffff) {
        kind = classifyV4([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]);
      } else if (g.every((x) => x === 0)) kind = 'unspecified';
      else if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) kind = 'loopback';
      else if ((g[0]! & 0xfe00) === 0xfc00) kind = 'unique-local';
      else if ((g[0]! & 0xffc0) === 0xfe80) kind = 'link-local';
    }
  }
  return { kind, private: kind !== 'public' };
}
