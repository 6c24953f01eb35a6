-- Issue 10 §2: API token scopes, and the "known devices" a locked account still accepts its owner from.

-- A token reaches exactly its scopes (src/server/platform/scopes.ts). Tokens issued before scopes existed keep
-- what they could do: capture and read EPCIS events, read products and genealogy.
ALTER TABLE api_tokens ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['epcis:write', 'epcis:read', 'trace:read']::text[];
ALTER TABLE api_tokens ALTER COLUMN scopes DROP DEFAULT;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scopes_nonempty CHECK (cardinality(scopes) >= 1);

-- A browser that has logged in successfully before (long-lived httpOnly cookie reman_device; only its SHA-256
-- is stored). A locked account still lets its owner in from such a browser (docs/security.md).
CREATE TABLE known_devices (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX known_devices_user_idx ON known_devices (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
