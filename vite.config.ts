import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precachePlugin } from './scripts/precache-plugin.js';

// Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer). Static hosts that
// cannot send these headers still work: the backend falls back to single-threaded SIMD.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react(), precachePlugin()],
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, sourcemap: true },
  // tfjs backends are imported on demand inside the worker; pre-bundle them for a fast dev start
  optimizeDeps: { include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-webgpu'] },
});
