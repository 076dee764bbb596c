import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { dialectOfManager, idAmong } from '@ls/core';
import { Task } from '@ls/tasks';
import { filtersCondition } from './filter-sql';
import { OrderingTerm, orderingTerms } from './ordering-sql';
import { PrepareParams } from './prepare-params';
import { SqlParameters } from './sql-parameters';

export interface TaskQueryOptions {
  /** `data.*` columns that order as numbers (the view's `columnsDisplayType` says `Number`). */
  numberColumns?: readonly string[];
}

/**
 * The tasks of a project that prepare params select (filters, selected items, ordering), as a
 * query builder over the alias `task`: callers page it, count it (the same WHERE) or add
 * conditions. Input errors (unknown column, bad value) are 400s raised while building.
 */
@Injectable()
export class TaskQuery {
  select(
    manager: EntityManager,
    projectId: number,
    prepareParams: PrepareParams,
    options: TaskQueryOptions = {},
  ): SelectQueryBuilder<Task> {
    const params = new SqlParameters(dialectOfManager(manager));
    const query = manager
      .createQueryBuilder(Task, 'task')
      .where(`task.project_id = ${params.bind(projectId)}`);
    const filters = filtersCondition(params, prepareParams.filters);
    if (filters) query.andWhere(filters);
    const selection = prepareParams.selectedItems;
    const ids = selection.all ? selection.excluded : selection.included;
    if (!selection.all || ids.length > 0) {
      const among = idAmong(params.dialect, 'task.id', ids, params.bind(null).slice(1));
      query.andWhere(
        selection.all ? `NOT (${among.condition})` : among.condition,
        among.parameters,
      );
    }
    const [first, ...rest] = orderingTerms(params, prepareParams.ordering, options.numberColumns);
    query.orderBy(first.expression, first.direction, nullsOf(first));
    for (const term of rest) query.addOrderBy(term.expression, term.direction, nullsOf(term));
    return query.setParameters({ ...params.values, ...query.getParameters() });
  }
}

const nullsOf = (term: OrderingTerm) => (term.notNull ? undefined : 'NULLS LAST');
