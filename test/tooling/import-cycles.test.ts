/**
 * No import cycles among the sources (static value imports; `import type` and `import()` do
 * not make modules evaluate each other). A cycle is how layers quietly stop being layers.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Static value imports and re-exports of a module (type-only ones left out). */
const IMPORT =
  /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const [, spec] of text.matchAll(IMPORT)) {
      const target = resolve(dirname(file), spec!).replace(/\.js$/, '.ts');
      if (existsSync(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  return edges;
}

function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('imports', () => {
  it('finds the modules it checks', () => {
    const edges = graph();
    assert.ok(edges.size > 100, `${edges.size} modules`);
    assert.ok([...edges.values()].some((targets) => targets.length > 0));
  });

  it('have no cycle among the sources', () => {
    const found = cycles(graph()).map((cycle) =>
      [...cycle, cycle[0]!].map((f) => relative(root, f)).join(' → '),
    );
    assert.deepEqual(found, []);
  });

  it('detects a cycle when there is one', () => {
    const a = '/a.ts';
    const b = '/b.ts';
    assert.equal(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ).length,
      1,
    );
  });
});
