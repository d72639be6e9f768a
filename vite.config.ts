/** @module Vite: builds the React SPA in src/web into dist/web, which the Hono server serves under the strict CSP. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Absolute, so the build works from any working directory (npm start builds it when needed).
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Small assets would otherwise become data: URLs inside the CSS; fonts must come from 'self' (font-src).
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
