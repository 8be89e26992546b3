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
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
    },
  },
})
