/** Types of scripts/css-literals.mjs (for vite.config.ts and the tests). */
export function minifyCssLiterals(source: string): string;
export const esbuildCssLiterals: { name: string; setup(build: unknown): void };
export const viteCssLiterals: {
  name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
};
