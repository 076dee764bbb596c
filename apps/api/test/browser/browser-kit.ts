import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestApp, TestApp } from '@ls/core/testing';
import { UiModule } from '@ls/ui';
import { DOMAIN_MODULES, HTTP_MODULES } from '../../src/app.module';

/** Debian's Chromium (`apt-get install chromium`; tools/ci/services.sh installs it). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of each step, kept as test artifacts (not committed). */
export const SCREENSHOTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'screenshots');

/** The whole app with its pages, listening on a port of 127.0.0.1 for a real browser. */
export interface ServedApp {
  testApp: TestApp;
  baseUrl: string;
}

export async function serveApp(): Promise<ServedApp> {
  const testApp = await createTestApp({ imports: [...DOMAIN_MODULES, ...HTTP_MODULES, UiModule] });
  await testApp.app.listen(0, '127.0.0.1');
  const address = testApp.app.getHttpServer().address() as { port: number };
  return { testApp, baseUrl: `http://127.0.0.1:${address.port}` };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A full-page screenshot named after the suite and step. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * Fails the test on what the page reports as broken: script errors, Content-Security-Policy
 * violations and console errors (minus the editor's own noise, listed).
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A failed request is reported below with its address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return errors;
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/user/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('button[type=submit]')]);
}
