import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { namedBinder, visibleWorkspaceSql } from '../access/visibility-sql';
import { Workspace } from './workspace.entity';

/** Finds the workspaces a caller may see (see `visibleWorkspaceSql`). */
@Injectable()
export class WorkspaceLookup {
  private readonly scope: OrganizationScope<Workspace>;

  constructor(@InjectRepository(Workspace) workspaces: Repository<Workspace>) {
    this.scope = new OrganizationScope(workspaces);
  }

  /** The organization's workspaces the caller sees, as `alias`. */
  visible(
    auth: AuthContext,
    alias: string,
    options: { includeAllPersonal?: boolean; manager?: EntityManager } = {},
  ): SelectQueryBuilder<Workspace> {
    const scope = options.manager ? this.scope.within(options.manager) : this.scope;
    const { bind, params } = namedBinder(`${alias}Visible`);
    const viewer = { userId: auth.user.id, role: auth.role };
    const condition = visibleWorkspaceSql(alias, viewer, bind, options.includeAllPersonal);
    return scope.query(auth, alias).andWhere(condition, params);
  }

  /** The workspace, when the caller sees it; else 404. */
  async getOr404(auth: AuthContext, id: number, manager?: EntityManager): Promise<Workspace> {
    const found = await this.visible(auth, 'workspace', { manager })
      .andWhere('workspace.id = :workspaceId', { workspaceId: id })
      .getOne();
    if (!found) throw new NotFoundException('Not found.');
    return found;
  }

  /** A workspace named in a request body: one the caller does not see is a 400 on `field`. */
  async getReferenced(
    auth: AuthContext,
    id: number,
    field: string,
    manager?: EntityManager,
  ): Promise<Workspace> {
    try {
      return await this.getOr404(auth, id, manager);
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      throw new ValidationFailedException({
        [field]: [`Invalid pk "${id}" - object does not exist.`],
      });
    }
  }
}
