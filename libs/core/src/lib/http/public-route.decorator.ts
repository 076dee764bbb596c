import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE_METADATA = 'ls:public-route';

/**
 * A route anyone may call. Credentials, when sent, are still read (so the handler can see who is
 * calling), but missing or bad ones do not refuse the request.
 */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE_METADATA, true);
