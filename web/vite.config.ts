/** Builds the web app into web/dist, which `dateline serve` serves at `/`. */
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  base: './',
  build: { outDir: `${webRoot}/dist`, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
  // `npx vite --config web/vite.config.ts` proxies the API to a running `dateline serve`.
  server: { proxy: { '/api': process.env.DATELINE_API ?? 'http://localhost:8080' } },
});
