import { toJSONSchema } from 'zod/mini';
import { errorStatus, type ErrorCode } from '../domain/errors.js';
import { isMutation, type OperationDef } from '../services/contract.js';
import { operations } from './operations.js';
import { PROBLEM_JSON } from './problem.js';

type Json = Record<string, unknown>;

const PATH_PARAM = /\{([A-Za-z_$][\w$]*)\}/g;

function jsonSchema(schema: OperationDef['input'], io: 'input' | 'output'): Json {
  const out = toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  return out;
}

const problemRef = { $ref: '#/components/schemas/Problem' };

function problemResponse(description: string, codes: ErrorCode[]): Json {
  return {
    description: `${description} (\`code\`: ${codes.map((c) => `\`${c}\``).join(', ')})`,
    content: { [PROBLEM_JSON]: { schema: problemRef } },
  };
}

/** Which errors an operation can answer with, by status. */
function errorResponses(def: OperationDef, hasPathParams: boolean): Json {
  const responses: Json = {
    '400': problemResponse('The input is invalid; `errors` lists the fields', [
      'validation_failed',
    ]),
  };
  if (def.access !== 'public') {
    responses['401'] = problemResponse('No valid staff session', ['unauthorized']);
    responses['403'] = problemResponse(
      def.access === 'admin'
        ? 'Not an admin, or another community than the session’s'
        : 'Another community than the session’s',
      ['forbidden'],
    );
  } else if (def.path === '/auth/login') {
    responses['401'] = problemResponse('Wrong username or password', ['unauthorized']);
  }
  if (hasPathParams) responses['404'] = problemResponse('No such resource', ['not_found']);
  if (isMutation(def)) {
    responses['409'] = problemResponse(
      def.idempotent === false
        ? 'The request conflicts with stored data'
        : 'Conflicts with stored data, or a request with the same Idempotency-Key is still in flight (retry after Retry-After)',
      def.idempotent === false ? ['conflict'] : ['conflict', 'in_flight'],
    );
    if (def.idempotent !== false) {
      responses['422'] = problemResponse(
        'The Idempotency-Key was used before with another request',
        ['idempotency_mismatch'],
      );
    }
    responses['413'] = problemResponse('The body is too large', ['payload_too_large']);
    responses['415'] = problemResponse('The body is not JSON', ['unsupported_media_type']);
  }
  if (def.access === 'public' && isMutation(def)) {
    responses['429'] = {
      ...problemResponse('Too many writes from this client; wait Retry-After seconds', [
        'rate_limited',
      ]),
      headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
    };
  }
  responses['500'] = problemResponse('An unexpected error; quote `instance` to the operator', [
    'internal',
  ]);
  responses['503'] = {
    ...problemResponse('The database is unavailable for a moment', ['unavailable']),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  };
  return responses;
}

function operationObject(
  name: string,
  def: OperationDef,
): { path: string; method: string; op: Json } {
  const pathParams = [...def.path.matchAll(PATH_PARAM)].map((m) => m[1]!);
  const input = jsonSchema(def.input, 'input');
  const properties = { ...((input.properties as Record<string, Json> | undefined) ?? {}) };
  const required = new Set((input.required as string[] | undefined) ?? []);

  // A union body (one shape per action) carries the path parameters in every branch.
  const branches = ((input.oneOf ?? input.anyOf) as Json[] | undefined) ?? [];
  const inBranch = (param: string) =>
    branches.map((b) => (b.properties as Record<string, Json> | undefined)?.[param]).find(Boolean);
  const parameters: Json[] = pathParams.map((param) => ({
    name: param,
    in: 'path',
    required: true,
    schema: properties[param] ?? inBranch(param) ?? { type: 'string' },
  }));
  for (const param of pathParams) {
    delete properties[param];
    required.delete(param);
    for (const branch of branches) {
      delete (branch.properties as Record<string, Json> | undefined)?.[param];
      if (Array.isArray(branch.required)) {
        branch.required = branch.required.filter((r) => r !== param);
      }
    }
  }
  const op: Json = {
    operationId: name,
    summary: def.summary,
    tags: [def.path.split('/')[1] ?? 'api'],
    'x-access': def.access,
    security: def.access === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
  };
  if (def.queueable) op['x-queueable'] = true;

  if (def.method === 'GET') {
    for (const [param, schema] of Object.entries(properties)) {
      parameters.push({ name: param, in: 'query', required: required.has(param), schema });
    }
  } else {
    if (def.idempotent !== false)
      parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
    const body: Json = { ...input, properties };
    if (required.size) body.required = [...required];
    else delete body.required;
    op.requestBody = { required: true, content: { 'application/json': { schema: body } } };
  }
  if (parameters.length) op.parameters = parameters;
  const success = String(def.status ?? 200);
  const okHeaders =
    isMutation(def) && def.idempotent !== false
      ? {
          headers: {
            'Idempotent-Replayed': {
              description: '`true` when this is the stored first response, replayed',
              schema: { type: 'string', enum: ['true'] },
            },
          },
        }
      : {};
  op.responses = {
    [success]: {
      description: 'Success',
      ...okHeaders,
      content: { 'application/json': { schema: jsonSchema(def.output, 'output') } },
    },
    ...errorResponses(def, pathParams.length > 0),
  };
  return { path: def.path, method: def.method.toLowerCase(), op };
}

/** Routes the server adds beside the contract's (uploads), described by hand. */
function uploadPaths(): Json {
  return {
    '/uploads': {
      post: {
        operationId: 'upload',
        summary: 'Upload photos (JPEG, PNG, WebP; type checked by content, size and count capped)',
        tags: ['uploads'],
        'x-access': 'public',
        security: [],
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: {
                    type: 'array',
                    items: { type: 'string', contentMediaType: 'application/octet-stream' },
                  },
                },
                required: ['file'],
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Stored; refer to the files by id',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    files: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          contentType: {
                            type: 'string',
                            enum: ['image/jpeg', 'image/png', 'image/webp'],
                          },
                          size: { type: 'integer' },
                        },
                        required: ['id', 'contentType', 'size'],
                      },
                    },
                  },
                  required: ['files'],
                },
              },
            },
          },
          '400': problemResponse('No file, or too many files', ['validation_failed']),
          '413': problemResponse('A file or the request is too large', ['payload_too_large']),
          '415': problemResponse('Not multipart, or a file is not an accepted image', [
            'unsupported_media_type',
          ]),
          '429': problemResponse('Too many writes from this client', ['rate_limited']),
        },
      },
    },
    '/uploads/{id}': {
      get: {
        operationId: 'getUpload',
        summary: 'An uploaded file (staff only)',
        tags: ['uploads'],
        'x-access': 'staff',
        security: [{ bearer: [] }, { cookie: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The file', content: { 'image/*': {} } },
          '401': problemResponse('No valid staff session', ['unauthorized']),
          '404': problemResponse('No such file', ['not_found']),
        },
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the contract's zod schemas (request
 * bodies as input JSON Schema, responses as output), with every error as problem+json.
 */
export function openApiDocument(options: { version?: string; uploads?: boolean } = {}): Json {
  const paths: Record<string, Json> = {};
  for (const [name, def] of Object.entries(operations) as [string, OperationDef][]) {
    const { path, method, op } = operationObject(name, def);
    (paths[path] ??= {})[method] = op;
  }
  if (options.uploads !== false) Object.assign(paths, uploadPaths());
  const codes = Object.keys(errorStatus).filter((code) => code !== 'network');
  return {
    openapi: '3.1.0',
    info: {
      title: 'shequ-kit API',
      version: options.version ?? '1',
      description:
        'REST API of a shequ-kit server (街道/社区 public services). Errors are RFC 9457 ' +
        '`application/problem+json` with a stable `code` and field errors as i18n keys. ' +
        'Mutations take an `Idempotency-Key` header: the first response is stored and replayed.',
    },
    servers: [{ url: '/api/v1' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: {
        FieldError: {
          type: 'object',
          properties: {
            path: {
              type: 'string',
              description: 'Dotted path of the field (`contact.phone`); empty for the whole body',
            },
            key: { type: 'string', description: 'i18n key of the message (`phone.invalid`)' },
            params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
          },
          required: ['path', 'key'],
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: {
            type: { type: 'string', description: '`urn:shequ-kit:problem:<code>`' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string', enum: codes },
            detail: { type: 'string' },
            errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
            retryAfter: { type: 'integer', description: 'Seconds (429, 503, in_flight)' },
            instance: {
              type: 'string',
              description: '`urn:shequ-kit:request:<id>`, as in the logs',
            },
          },
          required: ['type', 'title', 'status', 'code'],
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'One per user intent, reused on every retry (1–255 visible ASCII characters). ' +
            'The first response is stored and replayed for 24 h; the same key with another body → 422; ' +
            'while the first request runs → 409 `in_flight`.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
        },
      },
      headers: {
        RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The `token` from POST /auth/login',
        },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sq_session',
          description: 'Set by POST /auth/login (httpOnly)',
        },
      },
    },
  };
}
