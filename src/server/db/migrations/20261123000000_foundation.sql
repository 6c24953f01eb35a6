-- Foundation: authorities, enterprises, sites, experts, users, sessions, API tokens, audit log.
-- Keys are chosen for a later distribution by enterprise (Citus): enterprise-owned rows carry enterprise_id
-- in their primary key (see docs/scaling.md).

CREATE TABLE authorities (
  id          text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('ministry', 'province', 'plan_city', 'xpcc')),
  region_code char(6) UNIQUE CHECK (region_code ~ '^[0-9]{6}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  name_en     text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 200),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind IN ('ministry', 'xpcc')) = (region_code IS NULL))
);

CREATE TABLE enterprises (
  id                   uuid PRIMARY KEY,
  name                 text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  credit_code          char(18) NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  credit_code_override boolean NOT NULL DEFAULT false,
  region_code          char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  authority_id         text NOT NULL REFERENCES authorities(id),
  address              text NOT NULL CHECK (length(address) BETWEEN 2 AND 300),
  postal_code          text CHECK (postal_code ~ '^[0-9]{6}$'),
  website              text,
  legal_representative text NOT NULL,
  contact_name         text NOT NULL,
  contact_phone        text NOT NULL,
  contact_email        text,
  enterprise_type      text NOT NULL CHECK (enterprise_type IN
                         ('state_owned', 'collective', 'private', 'sino_foreign_jv', 'hk_macao_taiwan', 'wholly_foreign')),
  listing_status       text NOT NULL CHECK (listing_status IN ('domestic', 'overseas', 'none')),
  parent_id            uuid REFERENCES enterprises(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (authority_id <> 'miit')
);
CREATE INDEX enterprises_authority_idx ON enterprises (authority_id, name);
CREATE INDEX enterprises_region_idx ON enterprises (region_code);
CREATE INDEX enterprises_parent_idx ON enterprises (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE sites (
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  id            uuid NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address       text NOT NULL CHECK (length(address) BETWEEN 2 AND 300),
  region_code   char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, name)
);

CREATE TABLE experts (
  id                       uuid PRIMARY KEY,
  name                     text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  organization             text NOT NULL,
  title                    text NOT NULL DEFAULT '',
  fields                   text[] NOT NULL DEFAULT '{}',
  phone                    text,
  email                    text,
  -- the enterprise the expert works for, if any: used for conflict-of-interest checks on assignment
  affiliated_enterprise_id uuid REFERENCES enterprises(id),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role                 text NOT NULL CHECK (role IN ('enterprise_staff', 'enterprise_admin', 'authority_reviewer',
                         'authority_admin', 'ministry_officer', 'ministry_admin', 'expert')),
  enterprise_id        uuid REFERENCES enterprises(id),
  authority_id         text REFERENCES authorities(id),
  expert_id            uuid REFERENCES experts(id),
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  disabled             boolean NOT NULL DEFAULT false,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  password_changed_at  timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  -- one organisation per user, consistent with the role
  CHECK (num_nonnulls(enterprise_id, authority_id, expert_id) = 1),
  CHECK (role NOT IN ('enterprise_staff', 'enterprise_admin') OR enterprise_id IS NOT NULL),
  CHECK (role NOT IN ('authority_reviewer', 'authority_admin') OR (authority_id IS NOT NULL AND authority_id <> 'miit')),
  CHECK (role NOT IN ('ministry_officer', 'ministry_admin') OR authority_id = 'miit'),
  CHECK (role <> 'expert' OR expert_id IS NOT NULL)
);
CREATE INDEX users_enterprise_idx ON users (enterprise_id) WHERE enterprise_id IS NOT NULL;
CREATE INDEX users_authority_idx ON users (authority_id) WHERE authority_id IS NOT NULL;

-- Sessions and tokens are stored only as SHA-256 digests of the secrets handed out.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_hash    text NOT NULL,
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  id            uuid NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash    text NOT NULL UNIQUE,
  prefix        text NOT NULL,
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  PRIMARY KEY (enterprise_id, id)
);

-- Append-only, hash-chained audit trail. hash = sha256(prev_hash || canonical entry); see platform/audit.ts.
CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL,
  actor_kind     text NOT NULL CHECK (actor_kind IN ('user', 'token', 'public', 'system')),
  actor_id       text,
  actor_username text,
  actor_role     text,
  actor_org      text,
  action         text NOT NULL,
  object_type    text NOT NULL,
  object_id      text,
  enterprise_id  uuid,
  ip             text,
  request_id     text,
  digest         text NOT NULL,
  prev_hash      text NOT NULL,
  hash           text NOT NULL UNIQUE
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
