import { ForbiddenException } from '@nestjs/common';
import { AuthContext, MemberRole, User } from '@ls/auth';
import { assertNotPaused, PAUSED_DETAIL } from './paused-caller';

const pause = (verbose_reason: string | null) => ({ id: 7, reason: 'MANUAL', verbose_reason });

function caller(
  role: MemberRole,
  project?: { id: number; role: MemberRole; pause: ReturnType<typeof pause> | null },
): AuthContext {
  return {
    user: { id: 1 } as User,
    method: 'token',
    organizationId: 1,
    role,
    ...(project ? { project: { ...project, visible: true } } : {}),
  };
}

const refusal = (auth: AuthContext, projectId?: number) => {
  try {
    assertNotPaused(auth, projectId);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenException);
    return (error as ForbiddenException).message;
  }
};

describe('assertNotPaused', () => {
  it("refuses a paused annotator or reviewer with the pause's reason, or a default one", () => {
    const reason = 'Evaluation failed.';
    expect(refusal(caller('AN', { id: 3, role: 'AN', pause: pause(reason) }))).toBe(reason);
    expect(refusal(caller('AN', { id: 3, role: 'RE', pause: pause(null) }))).toBe(PAUSED_DETAIL);
    expect(refusal(caller('RE', { id: 3, role: 'RE', pause: pause('  ') }))).toBe(PAUSED_DETAIL);
  });

  it('lets through callers without a pause, managers, and other projects', () => {
    expect(refusal(caller('AN'))).toBeNull();
    expect(refusal(caller('AN', { id: 3, role: 'AN', pause: null }))).toBeNull();
    expect(refusal(caller('MA', { id: 3, role: 'MA', pause: pause('x') }))).toBeNull();
    expect(refusal(caller('AN', { id: 3, role: 'AN', pause: pause('x') }), 4)).toBeNull();
    expect(refusal(caller('AN', { id: 3, role: 'AN', pause: pause('x') }), 3)).toBe('x');
  });
});
