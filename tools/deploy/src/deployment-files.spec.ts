import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { settingNames } from '@ls/core';

/**
 * Docker cannot run on the machines that test this project: these checks stand in for a run,
 * holding the Dockerfile and docker-compose.yml to what the code and the README say.
 */
const WORKSPACE = join(__dirname, '../../..');
const read = (file: string) => readFileSync(join(WORKSPACE, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's stages, each its instructions (continued lines joined, comments dropped). */
function dockerStages(text: string): { name: string; instructions: Instruction[] }[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: { name: string; instructions: Instruction[] }[] = [];
  for (const line of lines) {
    const [keyword, ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(instruction.args)?.[1] ?? '', instructions: [] });
    }
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** The setting names of the README's settings table. */
function readmeSettings(): Set<string> {
  return new Set([...read('README.md').matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]));
}

/** `node … dist/apps/<app>/<entry>.js …`: the entry must be what the app's build emits. */
function builtEntryOf(command: string[]): string {
  const script = command.find((part) => part.startsWith('dist/'));
  if (!script) throw new Error(`no built entry in ${command.join(' ')}`);
  const match = /^dist\/(apps\/[a-z-]+)\/([a-z-]+)\.js$/.exec(script);
  if (!match) throw new Error(`${script} is not an app's built entry`);
  const [, app, entry] = match;
  const tsconfig = JSON.parse(read(`${app}/tsconfig.app.json`));
  expect(tsconfig.compilerOptions.outDir).toBe(`../../dist/${app}`);
  expect(tsconfig.compilerOptions.rootDir).toBe('src');
  expect(existsSync(join(WORKSPACE, app, 'src', `${entry}.ts`))).toBe(true);
  return script;
}

describe('Dockerfile', () => {
  const stages = dockerStages(read('Dockerfile'));
  const runtime = stages[stages.length - 1];
  const find = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword);

  it('builds in one stage and runs from another, with production dependencies only', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    const build = stages[0].instructions.map((i) => `${i.keyword} ${i.args}`).join('\n');
    expect(build).toMatch(/npm ci\b/);
    expect(build).toMatch(/nx run-many -t build -p api worker/);
    expect(build).toMatch(/npm prune --omit=dev/);
    const copies = find('COPY').map((i) => i.args);
    expect(copies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--from=build \/app\/node_modules /),
        expect.stringMatching(/^--from=build \/app\/dist /),
      ]),
    );
    expect(find('RUN').some((i) => /npm (ci|install)/.test(i.args))).toBe(false);
  });

  it('runs as a non-root user, checks /health and starts the API by default', () => {
    const [user] = find('USER');
    expect(user?.args).toBe('node');
    const [healthcheck] = find('HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/\/health\b/);
    expect(healthcheck?.args).toMatch(/WORKER_HEALTH_PORT/);
    const [cmd] = find('CMD');
    expect(builtEntryOf(JSON.parse(cmd.args))).toBe('dist/apps/api/main.js');
    expect(
      find('ENV')
        .map((i) => i.args)
        .join(' '),
    ).toMatch(/NODE_ENV=production/);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const { services } = compose;
  const known = new Set(settingNames());
  const documented = readmeSettings();
  const servers = ['migrate', 'api', 'worker'];

  it('has PostgreSQL, Redis, a migration, two API replicas and a worker of one image', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    for (const name of servers) {
      expect(services[name].build).toBe('.');
      expect(services[name].image).toBe('label-studio-server');
      expect(services[name].volumes).toEqual(['data:/data']);
    }
    expect((services.api.deploy as { replicas: number }).replicas).toBe(2);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['data']));
  });

  it('runs each process from its built entry point', () => {
    expect(builtEntryOf(services.api.command as string[])).toBe('dist/apps/api/main.js');
    expect(builtEntryOf(services.worker.command as string[])).toBe('dist/apps/worker/main.js');
    const migrate = services.migrate.command as string[];
    expect(builtEntryOf(migrate)).toBe('dist/apps/api/cli.js');
    expect(migrate.slice(-2)).toEqual(['db', 'migrate']);
  });

  it('sets only settings the server reads and the README documents', () => {
    for (const name of servers) {
      const env = services[name].environment as Record<string, string>;
      for (const variable of Object.keys(env)) {
        expect({ service: name, variable, known: known.has(variable) }).toMatchObject({
          known: true,
        });
        expect({ service: name, variable, documented: documented.has(variable) }).toMatchObject({
          documented: true,
        });
      }
      expect(env.DATA_DIR).toBe('/data');
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
    }
    expect((services.api.environment as Record<string, string>).MIGRATE_ON_START).toBe('false');
  });

  it('checks the health of every long-running service on the port it listens on', () => {
    const probe = (name: string) => (services[name].healthcheck as { test: string[] }).test;
    expect(probe('postgres').join(' ')).toMatch(/pg_isready/);
    expect(probe('redis').join(' ')).toMatch(/redis-cli ping/);
    const api = services.api.environment as Record<string, string>;
    expect(probe('api').join(' ')).toContain(`127.0.0.1:${api.PORT}/health`);
    const worker = services.worker.environment as Record<string, string>;
    expect(probe('worker').join(' ')).toContain(`127.0.0.1:${worker.WORKER_HEALTH_PORT}/health`);
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
    }
  });
});
