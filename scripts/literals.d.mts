/** Types of scripts/literals.mjs (for vite.config.ts and the tests). */
export function minifyCssLiterals(source: string): string;
export function minifyHtmlLiterals(source: string, fileName?: string): string;
export function minifyLiterals(source: string, fileName?: string): string;
export const esbuildLiterals: { name: string; setup(build: unknown): void };
export const viteLiterals: {
  name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
};
