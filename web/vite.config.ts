import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` serves the app on :5173 and sends the API to `make run` (127.0.0.1:8080);
// MOTCUA_API=http://host:port points it elsewhere.
const api = process.env.MOTCUA_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue()],
  build: {
    target: 'es2020',
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // Apache ECharts (only the dashboard draws charts) in a chunk of its own: it changes with the
    // package, not with the screens, so browsers keep it across releases of the app.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (/node_modules\/(echarts|zrender|tslib)\//.test(id) ? 'echarts' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
})
