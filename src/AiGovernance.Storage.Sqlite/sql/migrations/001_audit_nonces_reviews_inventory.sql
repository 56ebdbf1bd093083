CREATE TABLE aigov_audit_records (
    sequence INTEGER PRIMARY KEY NOT NULL,
    timestamp_ticks INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    actor TEXT NOT NULL,
    system_id TEXT NULL,
    artifact_digest TEXT NULL,
    payload TEXT NULL,
    previous_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);
CREATE TABLE aigov_approval_nonces (
    nonce TEXT PRIMARY KEY NOT NULL,
    statement_digest BLOB NOT NULL,
    expires_at_ticks INTEGER NOT NULL
);
CREATE INDEX ix_aigov_approval_nonces_expiry ON aigov_approval_nonces (expires_at_ticks);
CREATE TABLE aigov_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL,
    reviewer_id TEXT NOT NULL,
    kind INTEGER NOT NULL,
    started_at_ticks INTEGER NOT NULL,
    started_at_offset INTEGER NOT NULL,
    initial_judgment_at_ticks INTEGER NOT NULL,
    initial_judgment_at_offset INTEGER NOT NULL,
    final_decision_at_ticks INTEGER NOT NULL,
    final_decision_at_offset INTEGER NOT NULL,
    human_initial_decision TEXT NOT NULL,
    human_initial_confidence REAL NOT NULL,
    ai_prediction TEXT NOT NULL,
    ai_confidence REAL NOT NULL,
    final_decision TEXT NOT NULL
);
CREATE TABLE aigov_inventory (
    system_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    business_owner TEXT NULL,
    technical_owner TEXT NULL,
    operations_owner TEXT NULL,
    tier INTEGER NOT NULL,
    vendor TEXT NULL,
    product TEXT NULL,
    component TEXT NULL,
    vendor_discloses_ai INTEGER NOT NULL,
    last_reviewed_at_ticks INTEGER NULL,
    last_reviewed_at_offset INTEGER NULL
);
CREATE INDEX ix_aigov_inventory_tier ON aigov_inventory (tier, system_id);
CREATE INDEX ix_aigov_inventory_review ON aigov_inventory (tier, last_reviewed_at_ticks);
