import 'reflect-metadata';
import { loadConfigOrExit } from '@ls/core';
import { generateMigration, migrate, pendingMigrations } from './cli/db.commands';

const USAGE = `usage:
  npm run cli -- db migrate                     apply pending migrations
  npm run cli -- db status                      list pending migrations
  npm run cli -- db generate <library> <Name>   write a migration for entity changes`;

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
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
