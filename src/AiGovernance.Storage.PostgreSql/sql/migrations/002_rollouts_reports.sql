CREATE TABLE aigov_rollout_states (
    rollout_name TEXT PRIMARY KEY,
    state INTEGER NOT NULL,
    stage_index INTEGER NOT NULL,
    traffic_fraction DOUBLE PRECISION NOT NULL,
    stage_started_at_ticks BIGINT NOT NULL,
    stage_started_at_offset INTEGER NOT NULL,
    reason TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE TABLE aigov_rollout_leases (
    rollout_name TEXT PRIMARY KEY,
    holder_id TEXT NOT NULL,
    expires_at_ticks BIGINT NOT NULL,
    epoch BIGINT NOT NULL
);
CREATE TABLE aigov_reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    system_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at_ticks BIGINT NOT NULL,
    content TEXT NOT NULL,
    digest TEXT NOT NULL,
    audit_sequence BIGINT NOT NULL
);
CREATE INDEX ix_aigov_reports_system_kind_time ON aigov_reports (system_id, kind, created_at_ticks, id);
CREATE INDEX ix_aigov_reports_system_time ON aigov_reports (system_id, created_at_ticks, id);
