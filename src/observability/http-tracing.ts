import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { routeLabel } from './route-label.js';

/** Probes and scrapes, every few seconds: a trace each would bury the requests people make. */
const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * A server span per request, continuing the caller's W3C `traceparent` and active while the
 * request is handled, so the Temporal client's spans (and through them the workflow's, the
 * activities' and the database's) join its trace. Named by route pattern once a route answered.
 */
export function httpTracing(): RequestHandler {
  const tracer = trace.getTracer('coach-invites-http');
  return (req, res, next) => {
    if (UNTRACED.has(req.path)) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'url.path': req.path },
      },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = routeLabel(req, res.statusCode);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (!res.writableFinished) span.setAttribute('http.aborted', true);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
