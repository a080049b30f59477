/**
 * `npm run dev`: the API as under `npm start`, plus Vite's dev server with hot reload, which proxies
 * /api to the API. Open the URL Vite prints.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { LOOPBACK_NAMES } from './http/host-check';
import { exitWithError, startDossier, stopOnSignals } from './start';

/**
 * Vite's port, fixed (`--strictPort`) because its proxy forwards the browser's Host (`localhost:5173`),
 * which the API accepts only for the names and ports it knows.
 */
const VITE_PORT = 5173;

startDossier({
  serve: true,
  buildClient: false,
  extraAllowedHosts: LOOPBACK_NAMES.map((name) => ({ name, port: VITE_PORT })),
})
  .then((dossier) => {
    const apiPort = new URL(dossier.server!.url).port;
    process.stderr.write(`API at ${dossier.server!.url}; starting Vite with hot reload…\n`);
    const vite = spawn(
      process.execPath,
      [
        path.join(dossier.config.projectDir, 'node_modules', 'vite', 'bin', 'vite.js'),
        '--config',
        path.join(dossier.config.projectDir, 'client', 'vite.config.ts'),
        '--port',
        String(VITE_PORT),
        '--strictPort',
      ],
      { stdio: 'inherit', env: { ...process.env, DOSSIER_API_PORT: apiPort } },
    );
    stopOnSignals(async () => {
      vite.kill('SIGTERM');
      await dossier.stop();
    });
  })
  .catch(exitWithError);
