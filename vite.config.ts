import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const CORE = process.env.DESK_CORE_URL ?? 'http://127.0.0.1:4310';

/** The UI is a client of the core; in `npm run dev` Vite proxies the core's API and socket. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': CORE,
      '/ws': { target: CORE.replace(/^http/, 'ws'), ws: true },
    },
  },
});
