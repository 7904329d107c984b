import { defineConfig } from 'vite';

// Output goes to dist/, which ApiHost serves at / (hashed assets cached for a year, index.html revalidated).
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Plotly is loaded on demand by the graph panel, so its size does not count against the first load.
    chunkSizeWarningLimit: 4096,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5000',
      '/hubs': { target: 'http://localhost:5000', ws: true },
    },
  },
});
