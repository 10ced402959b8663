import * as vite from 'vite';
import { defineConfig, type Plugin, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * @vitejs/plugin-react is hoisted to the root node_modules, where it imports the root `vite`
 * (v8, Rolldown-based, pulled in by vitest), while this package builds with its own Vite 7.
 * The plugin then adds Rolldown-only dev plugins that Vite 7 cannot run ("Missing field
 * `moduleType`"). Under a non-Rolldown Vite, drop them: esbuild compiles JSX (tsconfig
 * `jsx: react-jsx`), and the dev server reloads the page instead of Fast Refresh.
 * Once both resolve to the same Vite, this filter removes nothing.
 */
const ROLLDOWN_ONLY = new Set(['vite:react:refresh-wrapper', 'vite:react:config-post', 'vite:react-refresh-fbm']);
const runningRolldown = 'rolldownVersion' in vite;

function reactPlugins(): PluginOption[] {
  const plugins = react().flat() as PluginOption[];
  if (runningRolldown) return plugins;
  return plugins.filter((p) => !(p && typeof p === 'object' && 'name' in p && ROLLDOWN_ONLY.has((p as Plugin).name)));
}

// The server (packages/server) serves `dist` and falls back to index.html for client routes;
// in development `npm run dev -w @medreg/web` proxies the API to a server on port 3000.
export default defineConfig({
  plugins: reactPlugins(),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is larger than Vite's default 500 kB warning threshold.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/.test(id)) return 'react';
          if (/[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs)[\\/]/.test(id)) return 'antd';
          // Only the dashboard pages import echarts: its chunk is loaded with them, never on the other pages.
          if (/[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts';
          return 'vendor';
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // MEDREG_API_URL points the dev server at a server on another port.
      '/api': { target: process.env.MEDREG_API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
