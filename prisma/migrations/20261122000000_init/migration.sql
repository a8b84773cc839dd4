
-- CreateTable
CREATE TABLE "tenants" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "external_id" TEXT,
    "domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directories" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "deprovisioning" TEXT NOT NULL DEFAULT 'delete',
    "attribute_mapping" JSONB NOT NULL DEFAULT '{}',
    "role_mapping" JSONB NOT NULL DEFAULT '{}',
    "provider_config_encrypted" TEXT,
    "scim_token_hash" TEXT NOT NULL,
    "scim_token_last_four" TEXT NOT NULL,
    "previous_scim_token_hash" TEXT,
    "previous_scim_token_expires_at" TIMESTAMPTZ(6),
    "activated_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directory_users" (
    "id" TEXT NOT NULL,
    "directory_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_id" TEXT,
    "user_name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "state" TEXT NOT NULL DEFAULT 'active',
    "removed_at" TIMESTAMPTZ(6),
    "display_name" TEXT,
    "given_name" TEXT,
    "family_name" TEXT,
    "email" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directory_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "directory_groups" (
    "id" TEXT NOT NULL,
    "directory_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_id" TEXT,
    "display_name" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directory_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_memberships" (
    "group_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "directory_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_memberships_pkey" PRIMARY KEY ("group_id","user_id")
);

-- CreateTable
CREATE TABLE "events" (
    "seq" BIGSERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "directory_id" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "previous_attributes" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(6),

    CONSTRAINT "events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "event_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tenant_id" TEXT,
    "directory_id" TEXT,
    "state" TEXT NOT NULL DEFAULT 'enabled',
    "disabled_reason" TEXT,
    "secret_encrypted" TEXT NOT NULL,
    "previous_secret_encrypted" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(6),
    "failing_since" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_seq" BIGINT NOT NULL,
    "directory_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "attempt_number" INTEGER NOT NULL,
    "response_status" INTEGER,
    "response_body" TEXT,
    "error" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "last_four" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(6),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scim_requests" (
    "id" BIGSERIAL NOT NULL,
    "directory_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "client" TEXT,
    "error_detail" TEXT,
    "request_body" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scim_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_sessions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "link_token_hash" TEXT NOT NULL,
    "link_expires_at" TIMESTAMPTZ(6) NOT NULL,
    "opened_at" TIMESTAMPTZ(6),
    "session_token_hash" TEXT,
    "session_expires_at" TIMESTAMPTZ(6),
    "return_url" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roles" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "roles_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "tenant_id" TEXT,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_external_id_key" ON "tenants"("external_id");

-- CreateIndex
CREATE INDEX "directories_tenant_id_id_idx" ON "directories"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "directory_users_directory_id_external_id_idx" ON "directory_users"("directory_id", "external_id");

-- CreateIndex
CREATE INDEX "directory_users_directory_id_id_idx" ON "directory_users"("directory_id", "id");

-- CreateIndex
CREATE INDEX "directory_users_tenant_id_idx" ON "directory_users"("tenant_id");

-- CreateIndex
CREATE INDEX "directory_groups_directory_id_external_id_idx" ON "directory_groups"("directory_id", "external_id");

-- CreateIndex
CREATE INDEX "directory_groups_directory_id_id_idx" ON "directory_groups"("directory_id", "id");

-- CreateIndex
CREATE INDEX "directory_groups_tenant_id_idx" ON "directory_groups"("tenant_id");

-- CreateIndex
CREATE INDEX "group_memberships_user_id_group_id_idx" ON "group_memberships"("user_id", "group_id");

-- CreateIndex
CREATE INDEX "group_memberships_directory_id_idx" ON "group_memberships"("directory_id");

-- CreateIndex
CREATE UNIQUE INDEX "events_id_key" ON "events"("id");

-- CreateIndex
CREATE INDEX "events_directory_id_seq_idx" ON "events"("directory_id", "seq");

-- CreateIndex
CREATE INDEX "events_tenant_id_seq_idx" ON "events"("tenant_id", "seq");

-- CreateIndex
CREATE INDEX "events_created_at_idx" ON "events"("created_at");

-- CreateIndex
CREATE INDEX "webhook_endpoints_tenant_id_idx" ON "webhook_endpoints"("tenant_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_directory_id_event_seq_idx" ON "webhook_deliveries"("endpoint_id", "directory_id", "event_seq");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_event_id_key" ON "webhook_deliveries"("endpoint_id", "event_id");

-- CreateIndex
CREATE INDEX "webhook_delivery_attempts_delivery_id_attempt_number_idx" ON "webhook_delivery_attempts"("delivery_id", "attempt_number");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "scim_requests_directory_id_id_idx" ON "scim_requests"("directory_id", "id");

-- CreateIndex
CREATE INDEX "scim_requests_created_at_idx" ON "scim_requests"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "portal_sessions_link_token_hash_key" ON "portal_sessions"("link_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "portal_sessions_session_token_hash_key" ON "portal_sessions"("session_token_hash");

-- CreateIndex
CREATE INDEX "portal_sessions_tenant_id_idx" ON "portal_sessions"("tenant_id");

-- CreateIndex
CREATE INDEX "audit_log_tenant_id_id_idx" ON "audit_log"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "directories" ADD CONSTRAINT "directories_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_users" ADD CONSTRAINT "directory_users_directory_id_fkey" FOREIGN KEY ("directory_id") REFERENCES "directories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_groups" ADD CONSTRAINT "directory_groups_directory_id_fkey" FOREIGN KEY ("directory_id") REFERENCES "directories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "directory_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "directory_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_directory_id_fkey" FOREIGN KEY ("directory_id") REFERENCES "directories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what schema.prisma cannot express.

-- userName and group displayName are unique per directory, case-insensitively
-- (RFC 7643 caseExact=false); these also serve `filter=userName eq "..."`.
CREATE UNIQUE INDEX "directory_users_directory_id_lower_user_name_key" ON "directory_users"("directory_id", lower("user_name"));
CREATE UNIQUE INDEX "directory_groups_directory_id_lower_display_name_key" ON "directory_groups"("directory_id", lower("display_name"));

ALTER TABLE "directories" ADD CONSTRAINT "directories_state_check" CHECK ("state" IN ('active', 'inactive'));
ALTER TABLE "directories" ADD CONSTRAINT "directories_deprovisioning_check" CHECK ("deprovisioning" IN ('delete', 'deactivate'));
ALTER TABLE "directories" ADD CONSTRAINT "directories_provider_check" CHECK ("provider" IN (
  'okta', 'entra', 'onelogin', 'jumpcloud', 'google_workspace', 'rippling', 'pingfederate', 'pingone',
  'cyberark', 'generic_scim_v2', 'generic_scim_v1'));
ALTER TABLE "directory_users" ADD CONSTRAINT "directory_users_state_check" CHECK ("state" IN ('active', 'inactive'));
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_state_check" CHECK ("state" IN ('enabled', 'disabled'));
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'succeeded', 'dead'));
