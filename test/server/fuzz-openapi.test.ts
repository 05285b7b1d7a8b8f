/**
 * Requests generated from the server's own OpenAPI document: for every operation, bodies,
 * query strings and path parameters that satisfy its schemas (so they reach the services and
 * the database), and the same with one field pushed just past a limit, retyped, dropped or
 * added. Ids and cursors the server hands out are fed back in. Nothing may answer 5xx; every
 * error is problem+json with a known code; every success matches the documented response.
 * fuzz.test.ts throws garbage at the parser; this one aims just inside and just outside the
 * schemas. Seeded (FUZZ_SEED), so a failure replays.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QUERY_CODE_LENGTH } from '../../src/domain/codes.js';
import { errorStatus } from '../../src/domain/index.js';
import { defaultCategories } from '../../src/features/core/catalogues.js';
import { defaultRubric } from '../../src/features/redblack/rubric.js';
import { testDatabases } from './db.js';
import { startTestServer, type TestServer } from './harness.js';
import { prng, type Rng } from './prng.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
};
type Operation = {
  operationId: string;
  'x-access': 'public' | 'staff' | 'admin';
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
};

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 100);
const debug = Boolean(process.env.FUZZ_DEBUG);
const knownCodes = new Set(Object.keys(errorStatus));

/** Strings the domain accepts, tried against a pattern before falling back to random text. */
const SAMPLES = [
  'xingfuli',
  'chunhui',
  'b1',
  'env',
  '09:00',
  '17:30',
  '2026-03-02',
  '2026-03-09',
  '2025-10-01',
  '2026-03-02T01:00:00.000Z',
  '2026-03-10T08:30:00+08:00',
  'SQ-2026-000001',
  'xfl-grid',
  'fuzz.user',
];
/** Text that is valid by type and dangerous by content. */
const TEXT = [
  '楼道里堆了很多杂物，堵住了消防通道。',
  '请联系 13812341234 或 0571-87654321',
  '身份证 11010519491231002X',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE communities; --",
  '𠮷野家 👨‍👩‍👧',
  'e\u0301\u200b\u202e',
  '张三丰',
];
const BAD_CURSORS = ['WyIxIiwieCJd', 'MQ', 'WyIyMDI2IiwiMCJd', 'AAAA', '', '!!!', 'eyJ9'];

function resolver(doc: Doc) {
  return (s: Schema): Schema => {
    let out = s;
    while (out.$ref) {
      const path = out.$ref.replace(/^#\//, '').split('/');
      out = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], doc) as Schema;
    }
    return out;
  };
}

/** Pools of what the server has handed out, keyed by property name (`id`, `code`…). */
class Harvest {
  private readonly seen = new Map<string, string[]>();
  /** Consistent 网格/楼栋/单元 of the communities seen, for fields named `location`. */
  readonly places: Record<string, string>[] = [];
  take(value: unknown, depth = 0): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    const community = value as { id?: string; grids?: unknown; categories?: unknown };
    if (typeof community.id === 'string' && Array.isArray(community.grids))
      this.community(community);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' && v.length <= 80) this.add(k, v);
      else {
        // `categories: [{ id }]` gives ids for a field named `category`.
        if (Array.isArray(v) && /s$/.test(k)) {
          const one = k.replace(/ies$/, 'y').replace(/s$/, '');
          for (const x of v)
            if (typeof (x as { id?: unknown })?.id === 'string')
              this.add(one, (x as { id: string }).id);
        }
        this.take(v, depth + 1);
      }
    }
  }
  private community(c: { id?: string; grids?: unknown; categories?: unknown }): void {
    type Named = { id: string };
    for (const grid of c.grids as (Named & { buildings: (Named & { units: Named[] })[] })[])
      for (const building of grid.buildings)
        for (const unit of building.units)
          if (this.places.length < 200)
            this.places.push({
              community: c.id!,
              grid: grid.id,
              building: building.id,
              unit: unit.id,
            });
    for (const [feature, list] of Object.entries((c.categories ?? {}) as Record<string, Named[]>))
      for (const category of list) this.add(`category:${feature}`, category.id);
  }
  private add(key: string, v: string): void {
    const pool = this.seen.get(key) ?? [];
    if (!pool.includes(v)) pool.push(v);
    if (pool.length > 40) pool.shift();
    this.seen.set(key, pool);
  }
  /** The feature of the operation being generated (`complaints`…): its categories only. */
  feature = '';
  pick(rng: Rng, name: string): string | undefined {
    const key =
      name === 'cursor' ? 'nextCursor' : name === 'category' ? `category:${this.feature}` : name;
    const pool = this.seen.get(key) ?? (/id$/i.test(name) ? this.seen.get('id') : undefined);
    return pool?.length ? rng.pick(pool) : undefined;
  }
}

class Generator {
  constructor(
    private readonly rng: Rng,
    private readonly resolve: (s: Schema) => Schema,
    private readonly harvest: Harvest,
  ) {}

  /** A value the schema accepts (as far as patterns from SAMPLES allow). */
  valid(schema: Schema, name = '', depth = 0): unknown {
    const s = this.resolve(schema);
    const { rng } = this;
    if (s.const !== undefined) return s.const;
    if (s.enum) return rng.pick(s.enum);
    const branches = s.oneOf ?? s.anyOf;
    if (branches) return this.valid(rng.pick(branches), name, depth);
    if (s.allOf) return Object.assign({}, ...s.allOf.map((b) => this.valid(b, name, depth)));
    const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : [s.type];
    const type = rng.pick(types.length ? types : ['string']);
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const required = new Set(s.required ?? []);
        for (const [key, child] of Object.entries(s.properties ?? {})) {
          if (required.has(key) || (depth < 4 && rng.next() < 0.6))
            out[key] = this.valid(child, key, depth + 1);
        }
        // A place must exist in its community: take one the server described.
        const place = this.harvest.places.filter((p) => p.community === 'xingfuli');
        if (name === 'location' && place.length && rng.next() < 0.9) {
          const { grid, building, unit } = rng.pick(place);
          Object.assign(out, { community: 'xingfuli', grid, building, unit });
          for (const key of Object.keys(out)) if (!(key in (s.properties ?? {}))) delete out[key];
        }
        return out;
      }
      case 'array': {
        if (name === 'photos') return []; // photos are ids of uploads; fuzz.test.ts sends those
        const min = s.minItems ?? 0;
        const max = Math.min(s.maxItems ?? min + 3, min + 3);
        return Array.from({ length: min + rng.int(max - min + 1) }, () =>
          this.valid(s.items ?? {}, name, depth + 1),
        );
      }
      case 'integer':
      case 'number': {
        const lo = s.minimum ?? (s.exclusiveMinimum ?? -1000) + 1;
        const hi = s.maximum ?? (s.exclusiveMaximum ?? lo + 1000) - 1;
        const n = rng.pick([lo, hi, lo + rng.int(Math.max(1, Math.min(hi - lo, 1e6)) + 1)]);
        return type === 'integer' ? Math.round(n) : n;
      }
      case 'boolean':
        return rng.next() < 0.5;
      default:
        return this.string(s, name);
    }
  }

  private string(s: Schema, name: string): string {
    const { rng } = this;
    const fits = (v: string) =>
      v.length >= (s.minLength ?? 0) &&
      v.length <= (s.maxLength ?? Infinity) &&
      (!s.pattern || new RegExp(s.pattern, 'u').test(v));
    const known = this.harvest.pick(rng, name);
    if (known !== undefined && fits(known) && rng.next() < 0.9) return known;
    if (s.pattern || s.format) {
      const matches = SAMPLES.filter(fits);
      if (s.format === 'date') return rng.pick(matches.length ? matches : ['2026-03-02']);
      if (matches.length) return rng.pick(matches);
    }
    if (name === 'password' || name === 'currentPassword') return 'long enough password';
    if (/phone$/i.test(name) && rng.next() < 0.8)
      return rng.pick(['13812341234', '+86 139 0000 1111', '0571-87654321', '010 12345678']);
    if (/code$/i.test(name) && rng.next() < 0.7)
      return Array.from({ length: QUERY_CODE_LENGTH }, () =>
        rng.pick([...'23456789ABCDEFGHJKMNPQRSTUVWXYZ']),
      ).join('');
    const min = s.minLength ?? 0;
    const max = Math.min(s.maxLength ?? 200, 2000);
    let text = rng.pick(TEXT);
    if (rng.next() < 0.2) text = '界'.repeat(max);
    while ([...text].length < min) text += rng.pick(TEXT);
    return [...text].slice(0, max).join('') || 'x'.repeat(Math.max(min, 1));
  }

  /** The schema's value with one thing wrong, or at the edge of right. */
  near(schema: Schema, name = ''): unknown {
    const s = this.resolve(schema);
    const { rng } = this;
    const good = this.valid(s, name);
    if (good && typeof good === 'object' && !Array.isArray(good) && s.properties) {
      const obj = good as Record<string, unknown>;
      const keys = Object.keys(s.properties);
      const key = rng.pick(keys.length ? keys : ['extra']);
      const roll = rng.next();
      if (roll < 0.25) delete obj[key];
      else if (roll < 0.35) obj[`extra${rng.int(3)}`] = this.valid({}, 'extra');
      else obj[key] = this.near(s.properties[key] ?? {}, key);
      return obj;
    }
    if (Array.isArray(good) && s.items) {
      if (rng.next() < 0.3)
        return Array.from({ length: (s.maxItems ?? 50) + 1 }, () => good[0] ?? 1);
      return [...good, this.near(s.items, name)];
    }
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === 'string') {
      return rng.pick([
        'x'.repeat((s.maxLength ?? 200) + 1),
        '界'.repeat(s.maxLength ?? 64),
        ' '.repeat(s.minLength ?? 1),
        '',
        'a\u0000b',
        '2026-02-30',
        '2026-02-29T25:61:00Z',
        '24:00',
        '０９:００',
        ...(name === 'cursor' ? BAD_CURSORS : []),
        12,
        null,
      ]);
    }
    if (type === 'integer' || type === 'number') {
      return rng.pick([
        (s.maximum ?? 0) + 1,
        (s.minimum ?? 0) - 1,
        1.5,
        2 ** 53,
        -0,
        '7',
        Number.MAX_SAFE_INTEGER,
      ]);
    }
    return rng.pick([null, 'true', 0, {}, []]);
  }
}

const asQuery = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Checks a response body against its documented schema; returns where it differs. */
function conforms(resolve: (s: Schema) => Schema, schema: Schema, v: unknown, at = '$'): string[] {
  const s = resolve(schema);
  if (s.const !== undefined) return v === s.const ? [] : [`${at}: not ${String(s.const)}`];
  if (s.enum) return s.enum.includes(v) ? [] : [`${at}: ${String(v)} not in enum`];
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    const fits = branches.map((b) => conforms(resolve, b, v, at));
    return fits.some((f) => f.length === 0) ? [] : [`${at}: no branch fits (${fits[0]?.[0]})`];
  }
  if (s.allOf) return s.allOf.flatMap((b) => conforms(resolve, b, v, at));
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (!types.length) return [];
  const kind =
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'array'
        : Number.isInteger(v) && types.includes('integer')
          ? 'integer'
          : typeof v;
  if (!types.includes(kind)) return [`${at}: ${kind} where ${types.join('|')} is documented`];
  if (kind === 'array')
    return (v as unknown[]).flatMap((x, i) => conforms(resolve, s.items ?? {}, x, `${at}[${i}]`));
  if (kind === 'object') {
    const obj = v as Record<string, unknown>;
    const out = (s.required ?? []).filter((k) => !(k in obj)).map((k) => `${at}.${k}: missing`);
    for (const [k, x] of Object.entries(obj)) {
      const child = s.properties?.[k];
      if (child) out.push(...conforms(resolve, child, x, `${at}.${k}`));
      else if (s.additionalProperties === false) out.push(`${at}.${k}: not documented`);
    }
    return out;
  }
  if (kind === 'string' && s.pattern && !new RegExp(s.pattern, 'u').test(v as string))
    return [`${at}: "${String(v)}" does not match ${s.pattern}`];
  return [];
}

for (const db of databases) {
  describe(`requests generated from the OpenAPI document, on ${db.name}`, () => {
    let t: TestServer;
    let doc: Doc;
    const errors: unknown[] = [];
    before(async () => {
      t = await startTestServer(db, {
        log: (r) => r.level === 'error' && r.msg !== 'request' && errors.push(r),
      });
      doc = (await (await t.fetch('/api/v1/openapi.json')).json()) as Doc;
    });
    after(() => t.close());

    it(`sends ${ROUNDS} requests per operation, inside and just outside its schemas`, async () => {
      const rng = prng(Number(process.env.FUZZ_SEED ?? 20261205));
      const resolve = resolver(doc);
      const harvest = new Harvest();
      const gen = new Generator(rng, resolve, harvest);
      const problems: string[] = [];
      const passed = new Map<string, number>(); // operationId → requests past validation
      const statuses = new Map<number, number>();
      // As a page does first: read the community, to know its places and categories.
      harvest.take(await (await t.fetch('/api/v1/communities/xingfuli')).json());
      harvest.take({
        id: 'xingfuli',
        grids: [],
        categories: { ...defaultCategories, redblack: defaultRubric },
      }); // what the forms offer
      let token = await t.tokenFor('xfl-admin');
      const freshToken = async () => {
        const res = await t.fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'xfl-admin', password: t.login.password }),
        });
        token = ((await res.json()) as { token: string }).token;
      };

      // Reads first, so the writes find ids to act on; sign-out and password changes last.
      const last = /^(logout|changePassword|disableStaff)$/;
      const ops = Object.entries(doc.paths)
        .flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, op]) => ({
            path,
            method: method.toUpperCase(),
            op,
          })),
        )
        .filter(({ path }) => !path.startsWith('/uploads'))
        .sort(
          (a, b) =>
            Number(last.test(a.op.operationId)) - Number(last.test(b.op.operationId)) ||
            Number(a.method !== 'GET') - Number(b.method !== 'GET'),
        );
      assert.ok(ops.length >= 40, `only ${ops.length} operations in the document`);

      // Two passes: the second finds the ids, codes and slots the first was handed.
      for (const { path, method, op } of [...ops, ...ops]) {
        const params = (op.parameters ?? []).map(
          (p) => resolve(p as Schema) as unknown as Parameter,
        );
        const bodySchema = op.requestBody?.content['application/json'].schema;
        harvest.feature = /\/(complaint|wish|booking|redblack)/.exec(path)?.[1] ?? '';
        for (let i = 0; i < ROUNDS / 2; i++) {
          const wrong = rng.next() < 0.5;
          const which = wrong ? rng.int(Math.max(1, params.length + (bodySchema ? 2 : 0))) : -1;
          const headers: Record<string, string> = {};
          if (op['x-access'] !== 'public' && rng.next() < 0.95)
            headers.Authorization = `Bearer ${token}`;
          let url = path;
          const query = new URLSearchParams();
          params.forEach((p, index) => {
            const bad = index === which;
            if (p.in === 'header') {
              if (p.name === 'Idempotency-Key')
                headers[p.name] = bad
                  ? 'x'.repeat(300)
                  : `gen-${op.operationId}-${i}-${rng.int(1e9)}`;
              return;
            }
            if (p.in === 'path') {
              const v =
                p.name === 'community' && !bad && rng.next() < 0.8
                  ? 'xingfuli'
                  : asQuery(bad ? gen.near(p.schema, p.name) : gen.valid(p.schema, p.name));
              url = url.replace(`{${p.name}}`, encodeURIComponent(v) || '%20');
              return;
            }
            if (bad || p.required || rng.next() < 0.5) {
              const v = bad ? gen.near(p.schema, p.name) : gen.valid(p.schema, p.name);
              if (v !== undefined && v !== null) query.set(p.name, asQuery(v));
            }
          });
          const init: RequestInit = { method, headers };
          if (bodySchema) {
            headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(
              which >= params.length ? gen.near(bodySchema) : gen.valid(bodySchema),
            );
          }
          const target = `/api/v1${url}${query.size ? `?${query}` : ''}`;
          const res = await t.fetch(target, init);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const type = res.headers.get('content-type') ?? '';
          const text = await res.text();
          const where = `${method} ${target} ${init.body ? String(init.body).slice(0, 300) : ''}`;
          if (res.status >= 500) {
            problems.push(`${res.status} for ${where}: ${text.slice(0, 300)}`);
            continue;
          }
          if (res.status >= 400) {
            const problem = JSON.parse(text) as { code?: string };
            if (!type.startsWith('application/problem+json') || !knownCodes.has(problem.code ?? ''))
              problems.push(`${res.status} ${type} ${text.slice(0, 200)} for ${where}`);
            // FUZZ_DEBUG=1 prints why a request meant to be valid was refused.
            if (debug && problem.code === 'validation_failed' && !wrong)
              console.log(op.operationId, text.slice(0, 400), String(init.body).slice(0, 300));
            if (problem.code !== 'validation_failed')
              passed.set(op.operationId, (passed.get(op.operationId) ?? 0) + 1);
            if (res.status === 401 && headers.Authorization) await freshToken();
            continue;
          }
          passed.set(op.operationId, (passed.get(op.operationId) ?? 0) + 1);
          const documented =
            op.responses[String(res.status)]?.content?.['application/json']?.schema;
          if (!type.startsWith('application/json')) continue; // CSV exports, 204s
          const body: unknown = JSON.parse(text);
          harvest.take(body);
          if (documented) {
            const diff = conforms(resolve, documented, body);
            if (diff.length)
              problems.push(
                `${op.operationId} answered off its schema: ${diff.slice(0, 3).join('; ')}`,
              );
          }
          if (op.operationId === 'logout') await freshToken();
        }
      }
      const unreached = ops.map((o) => o.op.operationId).filter((id) => !passed.has(id));
      console.log(
        `${db.name}: ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}; never past validation: ${unreached.join(', ') || 'none'}`,
      );
      assert.deepEqual([...new Set(problems)].slice(0, 20), []);
      assert.deepEqual(errors, []);
      // Most operations must see requests get past their schemas, or this fuzzes only the validator.
      assert.ok(
        unreached.length <= ops.length * 0.1,
        `never past validation: ${unreached.join(', ')}`,
      );
    });
  });
}
