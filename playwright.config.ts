import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/browser-path.ts';

const port = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: `node e2e/server/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/lms/lms.html`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
