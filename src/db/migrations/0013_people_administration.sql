ALTER TABLE "units" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "units_external_id_uq" ON "units" USING btree ("municipality_id","external_id") WHERE "units"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_external_id_uq" ON "users" USING btree ("municipality_id","external_id") WHERE "users"."external_id" is not null;--> statement-breakpoint
-- An external id is a key from the HR system: absent (made in Vejviser) or a real value, never an empty string.
ALTER TABLE "units" ADD CONSTRAINT "units_external_id_ck" CHECK ("external_id" IS NULL OR length(btrim("external_id")) > 0);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_external_id_ck" CHECK ("external_id" IS NULL OR length(btrim("external_id")) > 0);--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_not_own_parent_ck" CHECK ("parent_id" IS DISTINCT FROM "id");
