import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the built React app. Returns false (and serves nothing) when it has not been built, so that the
 * caller answers unknown paths with a 404 instead of falling back to a missing index.html.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    app.log.warn({ webDist }, 'web app not built: run `npm run build`');
    return false;
  }
  await app.register(fastifyStatic, { root: path.resolve(webDist), wildcard: true, index: 'index.html' });
  return true;
}
