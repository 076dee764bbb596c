import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AuthContext } from './auth-context';

/** Whether the object `id` names (as it appears in the path) is one the caller may reach. */
export type ResourceLocator = (auth: AuthContext, id: string) => Promise<boolean>;

/** A path segment as a database id, or null when it cannot be one. */
export function idParam(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** Where an object that lives in a project belongs; it never moves, so it can be remembered. */
export interface ProjectPlace {
  project_id: number;
  organization_id: number;
}

/**
 * The kinds of object that route paths name (`@ResourceParams({ id: 'project' })`), each with the
 * locator that says whether the caller's organization has one by that id. Every library registers
 * its kinds when its module starts.
 */
@Injectable()
export class OrganizationResources {
  private readonly locators = new Map<string, ResourceLocator>();
  private readonly projectPlaces = new Map<string, (id: number) => Promise<ProjectPlace | null>>();

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

  /**
   * A kind that lives in a project (a task, an annotation, ...), found by `place`: besides telling
   * whether the caller's organization has it, it tells the auth guard which project a route is
   * about. Places are remembered (an object never changes project).
   */
  registerInProject(kind: string, place: (id: number) => Promise<ProjectPlace | null>): void {
    const remembered = new LRUCache<number, ProjectPlace>({ max: 50_000 });
    const lookup = async (id: number): Promise<ProjectPlace | null> => {
      const known = remembered.get(id);
      if (known) return known;
      const found = await place(id);
      if (found) remembered.set(id, found);
      return found;
    };
    this.projectPlaces.set(kind, lookup);
    this.registerById(
      kind,
      async (auth, id) => (await lookup(id))?.organization_id === auth.organizationId,
    );
  }

  /** The project the object `value` of `kind` is in, when it is the caller's organization's. */
  async projectOf(kind: string, auth: AuthContext, value: string): Promise<number | null> {
    const id = idParam(value);
    if (id === null) return null;
    if (kind === 'project') return (await this.exists(kind, auth, value)) ? id : null;
    const place = await this.projectPlaces.get(kind)?.(id);
    return place?.organization_id === auth.organizationId ? place.project_id : null;
  }

  /** Whether `projectOf` can answer for `kind`. */
  livesInProject(kind: string): boolean {
    return kind === 'project' || this.projectPlaces.has(kind);
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
