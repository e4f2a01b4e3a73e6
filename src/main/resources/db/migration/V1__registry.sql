-- The registry: the suppliers (with their data processing agreements) and the portfolio (FISKK).
-- Names are compared normalised (NFKC, trimmed, inner white space collapsed, lower case); the service computes the
-- normalised forms (dk.kk.itassessment.registry.Names) and the unique constraints below make a clash impossible,
-- also between concurrent requests.

CREATE TABLE suppliers (
    id                    uuid        PRIMARY KEY,
    name                  text        NOT NULL,
    normalised_name       text        NOT NULL CONSTRAINT suppliers_normalised_name_key UNIQUE,
    cvr                   text        CONSTRAINT suppliers_cvr_key UNIQUE
                                      CONSTRAINT suppliers_cvr_format CHECK (cvr ~ '^[1-9][0-9]{7}$'),
    agreement             text        NOT NULL
                                      CONSTRAINT suppliers_agreement_values CHECK (agreement IN ('ACTIVE', 'EXPIRED', 'NONE')),
    agreement_valid_until date,
    covered_systems       text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE portfolio_entries (
    id                     uuid        PRIMARY KEY,
    name                   text        NOT NULL,
    normalised_name        text        NOT NULL, -- for sorting; uniqueness is kept by portfolio_names
    aliases                text[]      NOT NULL DEFAULT '{}',
    supplier_name          text        NOT NULL,
    supplier_cvr           text        CONSTRAINT portfolio_entries_supplier_cvr_format
                                       CHECK (supplier_cvr ~ '^[1-9][0-9]{7}$'),
    category               text        NOT NULL
                                       CONSTRAINT portfolio_entries_category_values CHECK (category IN ('TEACHING',
                                           'WELLBEING', 'ADMINISTRATIVE', 'LINE_OF_BUSINESS', 'INFRASTRUCTURE', 'UTILITY')),
    permission             text        NOT NULL
                                       CONSTRAINT portfolio_entries_permission_values CHECK (permission IN ('GRANTED',
                                           'PENDING', 'REFUSED', 'REVOKED', 'EXPIRED')),
    permission_valid_until date,
    connected_institutions text[]      NOT NULL DEFAULT '{}',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX portfolio_entries_by_name ON portfolio_entries (normalised_name, id);
-- the alternatives of a look-up: same category, GRANTED
CREATE INDEX portfolio_entries_by_category ON portfolio_entries (category, permission);

-- Every name and alias of every entry, normalised: the primary key makes a name used by two entries impossible.
CREATE TABLE portfolio_names (
    normalised_name text PRIMARY KEY,
    entry_id        uuid NOT NULL REFERENCES portfolio_entries (id) ON DELETE CASCADE
);

CREATE INDEX portfolio_names_by_entry ON portfolio_names (entry_id);
