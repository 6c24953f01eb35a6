-- 公共信息服务 (issue 14, docs/public-portal.md): content MIIT edits and the public reads once published —
-- standards, policies and notices, demonstration units, third-party testing organisations. Every item has the
-- editorial state draft → published (→ withdrawn → published) and a search vector of its jieba-segmented text
-- (platform/search/segment.ts indexText) under a GIN index.

CREATE TABLE portal_standards (
  id            uuid PRIMARY KEY,
  code          text NOT NULL CHECK (length(code) BETWEEN 3 AND 60),
  title         text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  title_en      text,
  type          text NOT NULL CHECK (type IN ('national', 'industry', 'group')),
  status        text NOT NULL CHECK (status IN ('current', 'upcoming', 'abolished', 'replaced')),
  issued_on     date,
  effective_on  date,
  abolished_on  date,
  replaced_by   text,
  drafters      text[] NOT NULL DEFAULT '{}',
  summary       text NOT NULL DEFAULT '',
  verified      boolean NOT NULL DEFAULT false,
  state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'withdrawn')),
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  search_tsv    tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE UNIQUE INDEX portal_standards_code ON portal_standards (upper(code));
CREATE INDEX portal_standards_search ON portal_standards USING gin (search_tsv);
CREATE INDEX portal_standards_state ON portal_standards (state, issued_on DESC);

CREATE TABLE portal_policies (
  id            uuid PRIMARY KEY,
  title         text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  category      text NOT NULL CHECK (category IN ('policy', 'notice', 'interpretation', 'news')),
  issuer        text NOT NULL DEFAULT '',
  doc_number    text,
  issued_on     date NOT NULL,
  body          text NOT NULL DEFAULT '',
  -- [{sha256, name, mime, size}] — bytes in the files module's store
  attachments   jsonb NOT NULL DEFAULT '[]'::jsonb,
  state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'withdrawn')),
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  search_tsv    tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX portal_policies_search ON portal_policies USING gin (search_tsv);
CREATE INDEX portal_policies_state ON portal_policies (state, issued_on DESC);

CREATE TABLE portal_demo_units (
  id            uuid PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind          text NOT NULL CHECK (kind IN ('enterprise', 'park', 'base', 'centre')),
  province_code char(6) NOT NULL,
  city          text NOT NULL DEFAULT '',
  field         text NOT NULL DEFAULT '',
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  description   text NOT NULL DEFAULT '',
  -- the registered enterprise, when the unit is one (Citus distribution key of enterprise data; may be null)
  enterprise_id uuid,
  state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'withdrawn')),
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  search_tsv    tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX portal_demo_units_search ON portal_demo_units USING gin (search_tsv);
CREATE INDEX portal_demo_units_state ON portal_demo_units (state, province_code);

CREATE TABLE portal_testing_orgs (
  id                  uuid PRIMARY KEY,
  name                text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  accreditation_no    text NOT NULL CHECK (length(accreditation_no) BETWEEN 2 AND 60),
  scope               text NOT NULL DEFAULT '',
  province_code       char(6) NOT NULL,
  website             text,
  state               text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'withdrawn')),
  published_at        timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  search_tsv          tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE UNIQUE INDEX portal_testing_orgs_accreditation ON portal_testing_orgs (upper(accreditation_no));
CREATE INDEX portal_testing_orgs_search ON portal_testing_orgs USING gin (search_tsv);
