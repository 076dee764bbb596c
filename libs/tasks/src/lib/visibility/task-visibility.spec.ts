import { DataSource } from 'typeorm';
import { AuthContext, MemberRole, User } from '@ls/auth';
import { effectiveRole } from './effective-role';
import { TaskVisibility } from './task-visibility';

function caller(role: MemberRole, project?: { id: number; role: MemberRole }): AuthContext {
  return {
    user: { id: 5 } as User,
    method: 'token',
    organizationId: 1,
    role,
    ...(project ? { project: { ...project, visible: true, pause: null } } : {}),
  };
}

describe('effectiveRole', () => {
  it("takes the role resolved for the named project, else the organization's", () => {
    expect(effectiveRole(caller('AN'))).toEqual({ role: 'AN', limited: true });
    expect(effectiveRole(caller('RE', { id: 2, role: 'AN' }))).toEqual({
      role: 'AN',
      limited: true,
    });
    expect(effectiveRole(caller('RE', { id: 2, role: 'AN' }), 2).role).toBe('AN');
    expect(effectiveRole(caller('RE', { id: 2, role: 'AN' }), 3).role).toBe('RE');
    expect(effectiveRole(caller('MA', { id: 2, role: 'MA' }))).toEqual({
      role: 'MA',
      limited: false,
    });
  });
});

describe('TaskVisibility.condition', () => {
  const positional = () => {
    const values: unknown[] = [];
    return { values, bind: (value: number | string | Date) => (values.push(value), '?') };
  };

  it('binds the values in the order their placeholders appear', () => {
    const visibility = new TaskVisibility({} as DataSource);
    visibility.registerWorkedOn(
      (task, userId, bind) =>
        `EXISTS (SELECT 1 FROM work w WHERE w.task_id = ${task}.id AND w.user_id = ${bind(userId)})`,
    );
    const { values, bind } = positional();
    const sql = visibility.condition({ kind: 'worked-on', userId: 5 }, 't', bind);
    expect(sql).toMatch(/^\(EXISTS .*task_assignment.* OR EXISTS .*FROM work w/);
    expect(values).toEqual([5, 'AN', 5]);
  });

  it('without what the annotations library says, counts only the assignments', () => {
    const { values, bind } = positional();
    const sql = new TaskVisibility({} as DataSource).condition(
      { kind: 'assigned', userId: 5, type: 'RE' },
      'task',
      bind,
    );
    expect(sql).toContain('vis_ta.task_id = task.id');
    expect(values).toEqual([5, 'RE']);
  });
});
