import type { Route } from "../http/server.ts";
import type { Metrics } from "./registry.ts";

/** GET /metrics: the registry in Prometheus' text format, read fresh at each scrape. */
export function metricsRoute(metrics: Pick<Metrics, "text" | "contentType">): Route {
  return {
    method: "GET",
    path: "/metrics",
    handler: async (_req, res) => {
      const text = await metrics.text();
      res.writeHead(200, {
        "content-type": metrics.contentType,
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
    },
  };
}
