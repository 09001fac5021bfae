/** Exit codes of `check` (and every command): documented in `--help` and docs/format.md. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
