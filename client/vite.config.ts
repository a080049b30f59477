/**
 * Vite builds the explorer into dist/client (served by Express under `npm start`); in dev it serves
 * client/ with hot reload and proxies /api to the API on DOSSIER_API_PORT (default 8080).
 */
import path from 'node:path';

const apiPort = Number(process.env.DOSSIER_API_PORT || 8080);

// A plain object (no defineConfig import): the project's tsconfig resolves modules the CommonJS way,
// which cannot see Vite's ESM-only type exports.
export default {
  root: __dirname,
  base: '/',
  build: {
    outDir: path.resolve(__dirname, '..', 'dist', 'client'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
};
