/** A remote download that was refused or failed because of the URL or the remote server; its message is meant for the user. */
export class RemoteFetchError extends Error {
  override readonly name = 'RemoteFetchError';
}
