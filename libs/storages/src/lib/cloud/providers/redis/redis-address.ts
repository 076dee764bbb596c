import { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { problem } from './redis-problems';
import { AddressGuard, RemoteFetchError } from '@ls/core';

/**
 * The address to connect to for `host`: with a guard, resolved once through the guard's rules
 * (so the checked address is the one connected to, leaving DNS rebinding no second answer),
 * else the host itself for the socket to resolve.
 */
export async function connectAddress(host: string, guard: AddressGuard | null): Promise<string> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!guard) return bare;
  try {
    if (isIP(bare) !== 0) {
      guard.assertAllowed(bare);
      return bare;
    }
    const [first] = await lookupAll(guard, bare);
    return first.address;
  } catch (error) {
    if (error instanceof RemoteFetchError) throw problem(`${host}: ${error.message}`);
    throw error;
  }
}

function lookupAll(guard: AddressGuard, host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    guard.lookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses as LookupAddress[]),
    ),
  );
}
