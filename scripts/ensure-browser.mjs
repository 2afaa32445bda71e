#!/usr/bin/env node
// Browser tests need Chromium. Use CHROMIUM_PATH or the system's /usr/bin/chromium when present
// (CI installs Debian's package); otherwise let Playwright download its own build once.
import { spawnSync } from 'node:child_process';
import { systemChromium } from './browser-path.mjs';

if (systemChromium()) process.exit(0);
console.log('No system Chromium found: installing Playwright’s own Chromium (one time).');
const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
