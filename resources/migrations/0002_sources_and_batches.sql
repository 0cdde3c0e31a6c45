-- Sources: the listeners an analyst configures in the Sources panel, applied without restart.
CREATE TABLE sources (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    protocol    text        NOT NULL CHECK (protocol IN ('tcp', 'udp', 'tls')),
    address     text        NOT NULL,
    port        integer     NOT NULL CHECK (port BETWEEN 0 AND 65535),
    format      text        NOT NULL DEFAULT 'auto'
                            CHECK (format IN ('auto', 'rfc5424', 'rfc3164', 'cef', 'leef', 'json')),
    tls_certificate text,
    tls_private_key text,
    tls_client_ca   text,
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (protocol <> 'tls' OR (tls_certificate IS NOT NULL AND tls_private_key IS NOT NULL))
);
COMMENT ON COLUMN sources.tls_private_key IS 'Path of the PEM key file, never the key itself';

-- Every stored batch leaves its id here in the same transaction as its rows, so a batch whose
-- commit acknowledgement was lost (connection cut) or that is replayed from the spool after a
-- restart is recognised and never stored twice.
CREATE TABLE ingest_batches (
    batch_id  text        PRIMARY KEY,
    rows      integer     NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);
