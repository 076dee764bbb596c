import 'reflect-metadata';
import { loadConfigOrExit } from '@ls/core';
import { generateMigration, migrate, pendingMigrations } from './cli/db.commands';
import { createUser, parseOptions } from './cli/user.commands';

const USAGE = `usage:
  npm run cli -- db migrate                     apply pending migrations
  npm run cli -- db status                      list pending migrations
  npm run cli -- db generate <library> <Name>   write a migration for entity changes
  npm run cli -- user create --email E --password P [--organization "Title" | --organization-id N]
                             [--token T] [--role OW|AD|MA|RE|AN]
                                                create a user (in a new organization by default)`;

async function main(args: string[]): Promise<void> {
  const [group, command, ...rest] = args;
  if (group === 'db' && command === 'migrate') {
    const applied = await migrate(loadConfigOrExit());
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } else if (group === 'db' && command === 'status') {
    const pending = await pendingMigrations(loadConfigOrExit());
    console.log(pending.length ? `Pending: ${pending.join(', ')}` : 'No pending migrations.');
  } else if (group === 'db' && command === 'generate') {
    const written = await generateMigration(process.env, rest[0] ?? '', rest[1] ?? '');
    console.log(
      written.length
        ? `Wrote:\n  ${written.join('\n  ')}\nAdd them to the library's migrations/index.ts.`
        : 'No schema changes.',
    );
  } else if (group === 'user' && command === 'create') {
    const created = await createUser(loadConfigOrExit(), parseOptions(rest));
    console.log(JSON.stringify(created));
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
