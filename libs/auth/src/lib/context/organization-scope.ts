import { NotFoundException } from '@nestjs/common';
import { FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AuthContext } from './auth-context';

/** An entity that belongs to one organization directly. */
export interface OrganizationOwned {
  organization_id: number;
}

/**
 * Reads of an organization-owned table that cannot forget the caller's organization: every query
 * starts filtered on it, and an object of another organization answers 404 like a missing one.
 */
export class OrganizationScope<T extends ObjectLiteral & OrganizationOwned> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly notFound = 'Not found.',
  ) {}

  query(auth: AuthContext, alias: string): SelectQueryBuilder<T> {
    return this.repository
      .createQueryBuilder(alias)
      .where(`${alias}.organization_id = :scopeOrganizationId`, {
        scopeOrganizationId: auth.organizationId,
      });
  }

  find(auth: AuthContext, where: FindOptionsWhere<T> = {}): Promise<T[]> {
    return this.repository.findBy({
      ...where,
      organization_id: auth.organizationId,
    } as FindOptionsWhere<T>);
  }

  async findOneOr404(auth: AuthContext, where: FindOptionsWhere<T>): Promise<T> {
    const found = await this.repository.findOneBy({
      ...where,
      organization_id: auth.organizationId,
    } as FindOptionsWhere<T>);
    if (!found) throw new NotFoundException(this.notFound);
    return found;
  }
}
