/**
 * Structured logs: one JSON object per line. Never personal data: no IP addresses, no bodies,
 * no query strings, no names or phones; routes are logged as their patterns
 * (`/api/v1/communities/:id`), errors by name, SQLSTATE and stack.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export type Logger = (record: LogRecord) => void;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let pending: string[] = [];
const flush = () => {
  if (!pending.length) return;
  const text = `${pending.join('\n')}\n`;
  pending = [];
  process.stdout.write(text);
};

/**
 * Lines to stdout, written once per turn of the event loop: stdout to a file or a pipe is a
 * synchronous write on Linux, and a system call per request is a cost every request paid.
 * Whatever is left when the process exits is written then.
 */
function toStdout(line: string) {
  if (!pending.length) {
    if (!flushOnExit) process.once('exit', flush);
    flushOnExit = true;
    setImmediate(flush);
  }
  pending.push(line);
}
let flushOnExit = false;

export function jsonLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = toStdout,
): Logger {
  return (record) => {
    if (rank[record.level] < rank[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), ...record }));
  };
}

export const silentLogger: Logger = () => undefined;

/** What of an unexpected error may be logged: its kind and where, not the data it carried. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { err: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    err: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    // Database drivers put values in `detail`, never in `message`; we keep both short anyway.
    message: error.message.slice(0, 200),
    stack: error.stack
      ?.split('\n')
      .slice(1, 8)
      .map((line) => line.trim()),
  };
}
