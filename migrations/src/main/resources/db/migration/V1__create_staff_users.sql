-- Staff who sign in to the admin UI. Portable SQL: runs on H2 (2.x) and PostgreSQL.
CREATE TABLE staff_user (
    id            VARCHAR(36)  NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(128) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_staff_user PRIMARY KEY (id),
    CONSTRAINT uq_staff_user_username UNIQUE (username)
);
