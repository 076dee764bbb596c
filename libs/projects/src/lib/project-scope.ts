import { EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { OrganizationRef, OrganizationScope } from '@ls/auth';
import { Project } from './project.entity';

/** An entity that belongs to a project (and through it to the project's organization). */
export interface ProjectOwned {
  project_id: number;
}

/**
 * The organization scope of tables reached through a project (tasks, annotations, uploads, ...):
 * a row is the organization's when its project is. It joins the project and ends in
 * {@link OrganizationScope.restrict}, the one place the organization filter is written.
 */
export class ProjectScope<T extends ObjectLiteral & ProjectOwned> {
  constructor(private readonly repository: Repository<T>) {}

  /**
   * Narrows `query` to rows of `alias` in the organization's projects, joining the project as
   * `projectAlias` (not selected). When the query already joins the project (to load it), scope
   * that alias with `OrganizationScope.restrict` instead.
   */
  static restrict<E extends ObjectLiteral>(
    query: SelectQueryBuilder<E>,
    alias: string,
    organization: OrganizationRef,
    projectAlias = `${alias}_project`,
  ): SelectQueryBuilder<E> {
    query.innerJoin(Project, projectAlias, `${projectAlias}.id = ${alias}.project_id`);
    return OrganizationScope.restrict(query, projectAlias, organization);
  }

  /** The same scope on `manager`'s connection (inside its transaction). */
  within(manager: EntityManager): ProjectScope<T> {
    return new ProjectScope(manager.getRepository(this.repository.target));
  }

  query(
    organization: OrganizationRef,
    alias: string,
    projectAlias?: string,
  ): SelectQueryBuilder<T> {
    return ProjectScope.restrict(
      this.repository.createQueryBuilder(alias),
      alias,
      organization,
      projectAlias,
    );
  }

  /** Whether the row `id` exists in one of the organization's projects. */
  exists(organization: OrganizationRef, id: number): Promise<boolean> {
    return this.query(organization, 'row').andWhere('row.id = :id', { id }).getExists();
  }
}
