/**
 * Every error answer is JSON `{ statusCode, error, message, parameter? }`. Bad input is a 4xx with a message that
 * names the parameter, what it must be and what was given; only a fault of ours is a 500.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { QueryError } from '../store/queryError.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: { description?: string; properties?: Record<string, unknown> };
  data?: unknown;
}

const PART: Record<string, string> = { querystring: 'query parameter', params: 'path parameter', body: 'body field', headers: 'header' };

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
    if (error.validation && error.validation.length > 0) {
      const { message, parameter } = validationMessage(error.validation[0]!, error.validationContext ?? 'querystring');
      return reply.status(400).send({ statusCode: 400, error: 'Bad Request', message, ...(parameter ? { parameter } : {}) });
    }
    if (error instanceof QueryError) return reply.status(400).send({ statusCode: 400, error: 'Bad Request', message: error.message, parameter: error.parameter });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.status(status).send({ statusCode: status, error: httpName(status), message: clientMessage(error) });
    request.log.error(error);
    process.stderr.write(`dateline serve: ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
    return reply.status(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'the server failed on this request; it is logged, please report it' });
  });
}

function validationMessage(e: AjvError, context: string): { message: string; parameter: string | null } {
  const part = PART[context] ?? context;
  if (e.keyword === 'additionalProperties') {
    const name = String(e.params.additionalProperty);
    const allowed = Object.keys(e.parentSchema?.properties ?? {});
    return { message: `unknown ${part} "${name}"; ${allowed.length ? `this route takes: ${allowed.join(', ')}` : 'this route takes none'}`, parameter: name };
  }
  if (e.keyword === 'required') {
    const name = String(e.params.missingProperty);
    return { message: `${part} "${name}" is required`, parameter: name };
  }
  const name = e.instancePath.replace(/^\//, '').replaceAll('/', '.') || null;
  const what = name ? `${part} "${name}"` : context === 'body' ? 'the body' : part;
  const rule = ['pattern', 'format', 'enum'].includes(e.keyword) ? 'is not valid' : (e.message ?? 'is not valid');
  const description = e.parentSchema?.description;
  const given = e.data === undefined ? '' : `; got ${JSON.stringify(e.data)?.slice(0, 80)}`;
  return { message: `${what} ${rule}${description ? ` (expected ${description})` : ''}${given}`, parameter: name };
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is larger than this server accepts; send a smaller article';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as JSON (Content-Type: application/json)';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the body is empty; send a JSON object such as {"text": "…"}';
    default:
      return error.message;
  }
}

function httpName(status: number): string {
  return { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests' }[status] ?? 'Client Error';
}
