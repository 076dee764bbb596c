import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AccountsService, MEMBER_ROLES, MemberRole } from '@ls/auth';
import { AppConfig, ValidationFailedException } from '@ls/core';
import { CliModule } from './cli.module';

export interface CreateUserOptions {
  email?: string;
  password?: string;
  organization?: string;
  'organization-id'?: string;
  token?: string;
  role?: string;
}

/** The options of `user create`; an unknown option, or one without its value, is an error. */
export function parseOptions(args: string[]): CreateUserOptions {
  const names = ['email', 'password', 'organization', 'organization-id', 'token', 'role'] as const;
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    strict: true,
    allowPositionals: false,
  });
  return values as CreateUserOptions;
}

/** `user create`: a user in a new organization (`--organization`) or an existing one (`--organization-id`). */
export async function createUser(config: AppConfig, options: CreateUserOptions) {
  if (!options.email || !options.password) throw new Error('--email and --password are required');
  if (options.role && !MEMBER_ROLES.includes(options.role as MemberRole)) {
    throw new Error(`--role must be one of ${MEMBER_ROLES.join(', ')}`);
  }
  const organizationId = options['organization-id'];
  if (organizationId !== undefined && !/^\d+$/.test(organizationId)) {
    throw new Error('--organization-id must be a number');
  }
  const context = await NestFactory.createApplicationContext(
    CliModule.register(config, config.MIGRATE_ON_START),
    {
      logger: false,
    },
  );
  try {
    const account = await context.get(AccountsService).create({
      email: options.email,
      password: options.password,
      token: options.token,
      organizationId: organizationId === undefined ? undefined : Number(organizationId),
      organizationTitle: options.organization,
      role: options.role as MemberRole | undefined,
    });
    return {
      user_id: account.user.id,
      email: account.user.email,
      organization_id: account.organization.id,
      organization: account.organization.title,
      token: account.token,
    };
  } catch (error) {
    if (error instanceof ValidationFailedException) {
      throw new Error(
        Object.entries(error.errors)
          .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
          .join('; '),
      );
    }
    throw error;
  } finally {
    await context.close();
  }
}
