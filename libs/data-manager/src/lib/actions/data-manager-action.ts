import { SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@ls/auth';
import { Task } from '@ls/tasks';

/** A field of an action's dialog form, as the data manager frontend renders it. */
export type ActionFormField = Record<string, unknown>;

export interface ActionDialog {
  title?: string;
  text: string;
  type: 'confirm';
  form?: ActionFormField[] | null;
}

/** What an action is given: who runs it, on which project, which tasks, and the form's fields. */
export interface ActionRun {
  auth: AuthContext;
  projectId: number;
  /** The selected tasks' ids, in the selection's order. */
  taskIds(): Promise<number[]>;
  /** The selection as a query over the alias `task`, filtered and ordered. */
  selected(): SelectQueryBuilder<Task>;
  /** The request body besides the prepare params (the dialog's form fields). */
  fields: Record<string, unknown>;
}

export type ActionResult = Record<string, unknown>;

/**
 * One data manager action: listed by `GET /api/dm/actions/` to whoever may run it, applied by
 * `POST /api/dm/actions/?id=` to the tasks the request selects.
 */
export interface DataManagerAction {
  id: string;
  title: string;
  order: number;
  /** Label Studio's permission name, shown to the frontend. */
  permission: string;
  /** The permission of the catalogue a caller needs to run it (in the project's role). */
  requires: Permission;
  /** Not listed (the frontend calls it by id). */
  hidden?: boolean;
  /**
   * Writes in bulk and may run as a job on a large selection; such an action must be
   * idempotent (a retried job must not write twice).
   */
  runsAsJobWhenLarge?: boolean;
  dialog?: ActionDialog;
  /** The dialog's form for a project, when it depends on the project's data. */
  form?(auth: AuthContext, projectId: number): Promise<ActionFormField[] | null>;
  run(run: ActionRun): Promise<ActionResult>;
}

/** Roles that manage a project's data (Label Studio Enterprise's manager and above). */
