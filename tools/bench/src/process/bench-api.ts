import { BuiltEntryProcess, freePort } from './built-entry-process';

/** The password of the account every bench API starts with. */
const PASSWORD = 'bench-password-1';

/**
 * The built API in its own process on `databaseEnv`, with an account whose token is `token`,
 * answering `/health` before this resolves. The caller stops it.
 */
export async function startBenchApi(
  databaseEnv: Record<string, string>,
  token: string,
  env: Record<string, string> = {},
): Promise<{ api: BuiltEntryProcess; baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = BuiltEntryProcess.start('apps/api/src/main', {
    ...databaseEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LABEL_STUDIO_USERNAME: 'bench@example.com',
    LABEL_STUDIO_PASSWORD: PASSWORD,
    LABEL_STUDIO_USER_TOKEN: token,
    ...env,
  });
  try {
    await api.waitForHttpOk(baseUrl, '/health');
  } catch (error) {
    await api.stop();
    throw error;
  }
  return { api, baseUrl };
}
