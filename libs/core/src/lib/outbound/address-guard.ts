import { LookupAddress } from 'node:dns';
import { isIP, LookupFunction, Socket } from 'node:net';
import { RemoteFetchError } from './remote-fetch.error';
import { parseNetworks, refusedBlock } from './reserved-networks';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** Refuses connections to reserved networks, judging the addresses actually connected to. */
export class AddressGuard {
  constructor(
    private readonly allowedNetworks: string[],
    private readonly resolve: Resolver,
  ) {}

  /** The guard the settings ask for: none with `SSRF_PROTECTION=false`. */
  static fromSettings(
    settings: { SSRF_PROTECTION: boolean; SSRF_ALLOWED_NETWORKS: string },
    resolve: Resolver,
  ): AddressGuard | null {
    return settings.SSRF_PROTECTION
      ? new AddressGuard(parseNetworks(settings.SSRF_ALLOWED_NETWORKS), resolve)
      : null;
  }

  assertAllowed(address: string): void {
    if (isIP(address) === 0) {
      throw new RemoteFetchError(`Remote address is not an IP address: ${address}`);
    }
    const block = refusedBlock(address, this.allowedNetworks);
    if (block !== null) {
      throw new RemoteFetchError(`URL resolves to a reserved network address (block: ${block})`);
    }
  }

  /**
   * For the `lookup` option of `http.request`: the connection's only resolution of the host, so
   * the addresses checked are the ones connected to and DNS rebinding has no second answer to
   * slip through. Every answer must pass, since the socket may try any of them.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolveAllowed(hostname).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error, ''),
    );
  };

  /** Checks the peer once connected: IP literals never go through `lookup`. */
  watch(socket: Socket): void {
    const check = () => {
      try {
        this.assertAllowed(socket.remoteAddress ?? '');
      } catch (error) {
        socket.destroy(error as Error);
      }
    };
    if (socket.connecting) socket.once('connect', check);
    else check();
  }

  private async resolveAllowed(hostname: string): Promise<LookupAddress[]> {
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(hostname);
    } catch {
      throw new RemoteFetchError(`Can't resolve hostname ${hostname}`);
    }
    if (addresses.length === 0) throw new RemoteFetchError(`Can't resolve hostname ${hostname}`);
    for (const { address } of addresses) this.assertAllowed(address);
    return addresses;
  }
}
