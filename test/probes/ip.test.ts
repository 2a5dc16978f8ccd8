import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../src/probes/ip.js';

describe('classifyAddress', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.10.4', 'private'],
    ['100.64.0.9', 'shared'],
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['::1', 'loopback'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::5', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:10.0.0.4', 'private'],
  ])('%s is %s (not reachable from the internet)', (addr, kind) => {
    expect(classifyAddress(addr)).toEqual({ kind, private: true });
  });

  it.each(['20.62.128.1', '::ffff:20.1.2.3', '172.32.0.1', '172.15.255.1', '100.128.0.1', '11.0.0.1', '2603:1030::5', '2001:db8::1'])('%s is public', (addr) => {
    expect(classifyAddress(addr)).toEqual({ kind: 'public', private: false });
  });
});
