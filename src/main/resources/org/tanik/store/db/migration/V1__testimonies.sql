-- Every version of every testimony. Content lives only in the AEAD-sealed columns; the plain
-- columns are the metadata needed to list, sort and order versions. The small sealed summary sits
-- apart from the large sealed content so that listing 10,000 testimonies reads little.
CREATE TABLE testimony_version (
    id          UUID                     NOT NULL,
    version     INT                      NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    latest      BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sealed_at   TIMESTAMP WITH TIME ZONE,
    summary     VARBINARY(1000000)       NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE INDEX testimony_latest ON testimony_version (latest);

CREATE TABLE testimony_content (
    id          UUID                     NOT NULL,
    version     INT                      NOT NULL,
    content     VARBINARY(1000000000)    NOT NULL,
    PRIMARY KEY (id, version),
    FOREIGN KEY (id, version) REFERENCES testimony_version (id, version)
);

-- Small sealed values owned by the vault (device identity and the like), by name.
CREATE TABLE vault_secret (
    name          VARCHAR(64)        PRIMARY KEY,
    sealed_value  VARBINARY(100000)  NOT NULL
);
