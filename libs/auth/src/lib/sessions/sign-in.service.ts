import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthFailures, emailKey } from '../credentials/auth-failures';
import { hashPassword, passwordMatches } from '../credentials/password-hasher';
import { User } from '../entities/user.entity';

/**
 * Checks an email and password. Failures are counted per client address and per account
 * (`AuthFailures`): past `AUTH_FAILURE_LIMIT_PER_MINUTE` either answers 429 for a minute, before
 * any password is checked.
 */
@Injectable()
export class SignInService {
  /** Checked against when the email is unknown, so that its answer takes as long. */
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly failures: AuthFailures,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** The active user with that email and password, or null (after counting the failure). */
  async check(email: string, password: string, address: string): Promise<User | null> {
    const account = emailKey(email);
    this.failures.assertNotBlocked(address);
    this.failures.assertNotBlocked(account);
    const user = email
      ? await this.users.findOne({
          where: { email: email.trim().toLowerCase() },
          select: {
            id: true,
            email: true,
            password: true,
            is_active: true,
            active_organization_id: true,
          },
        })
      : null;
    this.decoy ??= hashPassword('no user has this password');
    const matches = await passwordMatches(user?.password ?? (await this.decoy), password);
    if (user && matches && user.is_active) return user;
    await this.failures.record(address);
    if (email) await this.failures.record(account);
    return null;
  }
}
