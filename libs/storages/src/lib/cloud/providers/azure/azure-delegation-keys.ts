import type { BlobServiceClient, UserDelegationKey } from '@azure/storage-blob';

/** Azure gives user delegation keys for at most 7 days from now. */
export const MAX_DELEGATION_KEY_MS = 7 * 24 * 3600 * 1000;
/** Keys asked for live at least this long, so that short SAS URLs share one. */
const MIN_DELEGATION_KEY_MS = 24 * 3600 * 1000;
/** Room for the clocks of this server and of Azure to differ. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The user delegation keys (`Get User Delegation Key`) a service principal signs SAS URLs with,
 * since it has no account key. One key serves every SAS URL that expires before it does; a new
 * one is asked for only when a URL would outlive the key. The key stays in memory: it signs for
 * the whole account, so it is never stored or shown.
 */
export class DelegationKeys {
  private current: Promise<UserDelegationKey> | null = null;

  constructor(private readonly service: BlobServiceClient) {}

  /**
   * A key valid until `until`, or as long as Azure gives keys for when that is further than 7
   * days: a SAS URL must not outlive its key (`signedExpiresOn`).
   */
  async validUntil(until: Date): Promise<UserDelegationKey> {
    const needed = Math.min(
      until.getTime(),
      Date.now() + MAX_DELEGATION_KEY_MS - 2 * CLOCK_SKEW_MS,
    );
    if (this.current) {
      const key = await this.current.catch(() => null);
      if (key && key.signedExpiresOn.getTime() >= needed) return key;
    }
    const asking = this.ask(until);
    this.current = asking;
    asking.catch(() => {
      if (this.current === asking) this.current = null;
    });
    return asking;
  }

  private async ask(until: Date): Promise<UserDelegationKey> {
    const now = Date.now();
    const lifetime = Math.max(until.getTime() - now, MIN_DELEGATION_KEY_MS);
    const startsOn = new Date(now - CLOCK_SKEW_MS);
    const expiresOn = new Date(now + Math.min(lifetime, MAX_DELEGATION_KEY_MS - CLOCK_SKEW_MS));
    const response = await this.service.getUserDelegationKey(startsOn, expiresOn);
    return {
      signedObjectId: response.signedObjectId,
      signedTenantId: response.signedTenantId,
      signedStartsOn: response.signedStartsOn,
      signedExpiresOn: response.signedExpiresOn,
      signedService: response.signedService,
      signedVersion: response.signedVersion,
      value: response.value,
    };
  }
}
