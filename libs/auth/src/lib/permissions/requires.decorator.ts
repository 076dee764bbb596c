import { routePolicy } from '@ls/core';
import { Permission } from './permission-catalogue';

/**
 * The permission a member needs to call the route (on a controller: each of its routes, unless a
 * method says otherwise). Every member route has one; the auth guard refuses the others.
 */
export const Requires = (permission: Permission) => routePolicy({ permission });
