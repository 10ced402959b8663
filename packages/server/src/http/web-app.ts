import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Serves the built React app; unknown non-API paths fall back to index.html (client-side routes). */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    app.log.warn({ webDist }, 'web app not built: run `npm run build`');
    return;
  }
  await app.register(fastifyStatic, { root: path.resolve(webDist), wildcard: true, index: 'index.html' });
}
