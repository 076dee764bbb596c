import { NotFoundException } from '@nestjs/common';
import {
  EntityManager,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
  WhereExpressionBuilder,
} from 'typeorm';
import { AuthContext } from './auth-context';

/** An entity that belongs to one organization directly. */
export interface OrganizationOwned {
  organization_id: number;
}

/**
 * The organization a query is scoped to: the caller's (`AuthContext`), or one the caller was
 * checked against (a member of it, the organization a job runs for).
 */
export type OrganizationRef = Pick<AuthContext, 'organizationId'>;

/**
 * The one way a query on organization data is scoped: reads of an organization-owned table start
 * filtered on the organization, and an object of another organization answers 404 like a
 * missing one. Tables reached through a project use `ProjectScope` (`@ls/projects`), which ends
 * here too. A query that filters `organization_id` any other way is a bug to catch in review.
 */
export class OrganizationScope<T extends ObjectLiteral & OrganizationOwned> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly notFound = 'Not found.',
  ) {}

  /** Narrows `query` to rows whose `<alias>.organization_id` is the organization's. */
  static restrict<Q extends WhereExpressionBuilder>(
    query: Q,
    alias: string,
    organization: OrganizationRef,
  ): Q {
    return query.andWhere(`${alias}.organization_id = :organizationId`, {
      organizationId: organization.organizationId,
    });
  }

  /**
   * The same condition for plain SQL (prepared statements of hot paths), with the organization
   * id bound at `placeholder`.
   */
  static sql(alias: string, placeholder: string): string {
    return `${alias}.organization_id = ${placeholder}`;
  }

  /** The same scope on `manager`'s connection (inside its transaction). */
  within(manager: EntityManager): OrganizationScope<T> {
    return new OrganizationScope(manager.getRepository(this.repository.target), this.notFound);
  }

  query(organization: OrganizationRef, alias: string): SelectQueryBuilder<T> {
    return OrganizationScope.restrict(
      this.repository.createQueryBuilder(alias),
      alias,
      organization,
    );
  }

  find(
    organization: OrganizationRef,
    where: FindOptionsWhere<T> = {},
    options: Omit<FindManyOptions<T>, 'where'> = {},
  ): Promise<T[]> {
    return this.repository.find({ ...options, where: this.scoped(organization, where) });
  }

  findOne(
    organization: OrganizationRef,
    where: FindOptionsWhere<T>,
    options: Omit<FindManyOptions<T>, 'where'> = {},
  ): Promise<T | null> {
    return this.repository.findOne({ ...options, where: this.scoped(organization, where) });
  }

  async findOneOr404(
    organization: OrganizationRef,
    where: FindOptionsWhere<T>,
    options: Omit<FindManyOptions<T>, 'where'> = {},
  ): Promise<T> {
    const found = await this.findOne(organization, where, options);
    if (!found) throw new NotFoundException(this.notFound);
    return found;
  }

  exists(organization: OrganizationRef, where: FindOptionsWhere<T> = {}): Promise<boolean> {
    return this.repository.existsBy(this.scoped(organization, where));
  }

  count(organization: OrganizationRef, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repository.countBy(this.scoped(organization, where));
  }

  /** `where` on the organization's rows only: a caller cannot widen it by naming another. */
  private scoped(organization: OrganizationRef, where: FindOptionsWhere<T>): FindOptionsWhere<T> {
    return { ...where, organization_id: organization.organizationId } as FindOptionsWhere<T>;
  }
}
