/**
 * Every route the app mounts under /api, read from Express's own router: the reliability tables are
 * generated from it, so a route added without a row in them fails those tests instead of going unattacked.
 */
import type { Express } from 'express';

export interface AppRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As declared, with `:name` parameters: `/api/nodes/:id/neighbors`. */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export function appRoutes(app: Express): AppRoute[] {
  const routes: AppRoute[] = [];
  // Routes of the top level are the client's pages; the API's are in the routers mounted on /api.
  const walk = (stack: Layer[], nested: boolean): void => {
    for (const layer of stack) {
      if (layer.route && nested)
        for (const method of Object.keys(layer.route.methods))
          routes.push({ method: method as AppRoute['method'], path: `/api${layer.route.path}` });
      else if (layer.handle?.stack) walk(layer.handle.stack, true);
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, false);
  return routes;
}

export const routeKey = (route: AppRoute): string => `${route.method.toUpperCase()} ${route.path}`;
