import { Injectable } from '@nestjs/common';
import { AuthContext } from './auth-context';

/** Whether the object `id` names (as it appears in the path) is one the caller may reach. */
export type ResourceLocator = (auth: AuthContext, id: string) => Promise<boolean>;

/** A path segment as a database id, or null when it cannot be one. */
export function idParam(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * The kinds of object that route paths name (`@ResourceParams({ id: 'project' })`), each with the
 * locator that says whether the caller's organization has one by that id. Every library registers
 * its kinds when its module starts.
 */
@Injectable()
export class OrganizationResources {
  private readonly locators = new Map<string, ResourceLocator>();

  register(kind: string, locator: ResourceLocator): void {
    if (this.locators.has(kind)) throw new Error(`Resource kind "${kind}" is registered twice`);
    this.locators.set(kind, locator);
  }

  /** A kind named by a database id: anything but digits names nothing. */
  registerById(kind: string, exists: (auth: AuthContext, id: number) => Promise<boolean>): void {
    this.register(kind, async (auth, value) => {
      const id = idParam(value);
      return id !== null && exists(auth, id);
    });
  }

  kinds(): string[] {
    return [...this.locators.keys()];
  }

  exists(kind: string, auth: AuthContext, id: string): Promise<boolean> {
    const locator = this.locators.get(kind);
    if (!locator) throw new Error(`No locator for resource kind "${kind}"`);
    return locator(auth, id);
  }
}
