import ipaddr from 'ipaddr.js';

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** IANA special-purpose blocks (IPv4 and IPv6 registries): loopback, private, link-local, documentation, transition... */
export const RESERVED_NETWORKS: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '233.252.0.0/24',
  '240.0.0.0/4',
  '255.255.255.255/32',
  '::/128',
  '::1/128',
  '::ffff:0:0/96',
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  '100::/64',
  '2001::/32',
  '2001:20::/28',
  '2001:db8::/32',
  '2002::/16',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
];

const reserved = RESERVED_NETWORKS.map((cidr) => [cidr, ipaddr.parseCIDR(cidr)] as const);

/** A CIDR block, or a bare address as a block of one; IPv4-mapped IPv6 blocks become IPv4 ones. */
function toNetwork(entry: string): Network {
  if (!entry.includes('/')) {
    const address = ipaddr.process(entry);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  }
  const [address, bits] = ipaddr.parseCIDR(entry);
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && bits >= 96) {
    return [address.toIPv4Address(), bits - 96];
  }
  return [address, bits];
}

function contains([network, bits]: Network, address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return address.kind() === network.kind() && address.match(network, bits);
}

/**
 * Reads a comma-separated list of CIDR blocks (a bare address counts as a block of one).
 * Throws on an entry that is neither.
 */
export function parseNetworks(list: string): string[] {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    try {
      toNetwork(entry);
    } catch {
      throw new Error(`Not a CIDR block or IP address: ${entry}`);
    }
  }
  return entries;
}

/**
 * The reserved block that refuses `address`, or null when it is public or inside one of the
 * `allowed` blocks. IPv4-mapped IPv6 addresses are judged as their IPv4 address.
 * Throws when `address` is not an IP address.
 */
export function refusedBlock(address: string, allowed: string[]): string | null {
  const ip = ipaddr.process(address);
  if (allowed.some((entry) => contains(toNetwork(entry), ip))) return null;
  return reserved.find(([, network]) => contains(network, ip))?.[0] ?? null;
}
