-- Durable job queue (issue 10 §4, docs/decisions.md ADR-001, docs/architecture.md "Background jobs"): imports,
-- projection retries and recurring tasks survive a restart. One table on PGlite and PostgreSQL; a job is enqueued
-- inside the business transaction (atomic with its write). Workers claim with FOR UPDATE SKIP LOCKED and hold a
-- lease (locked_until) that they renew; a job left 'running' by a crashed process is claimed again once its lease
-- has expired.
CREATE TABLE jobs (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- a large input (an uploaded file), read only by the handler; dropped when the job succeeds or is discarded
  blob          bytea,
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'discarded')),
  priority      integer NOT NULL DEFAULT 0,
  run_at        timestamptz NOT NULL DEFAULT now(),
  attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts  integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  last_error    text,
  -- idempotency: at most one unfinished job per key (enqueue with the same key does nothing)
  key           text,
  locked_by     text,
  locked_until  timestamptz,
  done          integer,
  total         integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz
);
CREATE UNIQUE INDEX jobs_key_active ON jobs (key) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_ready ON jobs (priority, run_at) WHERE state = 'queued';
CREATE INDEX jobs_lease ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_state ON jobs (state, id);

-- Projection quarantine (docs/traceability.md §4): consecutive failures of a stream; at TRACE_PROJECTION_MAX_FAILURES
-- the stream is quarantined with its reason (not retried until `reman trace:repair`), and forms of the enterprise
-- keep working (their events are stored and projected after the repair).
ALTER TABLE trace_projection
  ADD COLUMN failures          integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  ADD COLUMN quarantined_at    timestamptz,
  ADD COLUMN quarantine_reason text;
