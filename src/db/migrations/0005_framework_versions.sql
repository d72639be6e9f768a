ALTER TABLE "framework_versions" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD COLUMN "based_on_version_id" uuid;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD COLUMN "publish_report" jsonb;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "accessibility_contact" text;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "round_participants" ADD COLUMN "targets" jsonb;--> statement-breakpoint
-- Rounds started before this migration take the targets their role profile has now.
UPDATE "round_participants" SET "targets" = "role_profiles"."targets"
  FROM "role_profiles" WHERE "role_profiles"."id" = "round_participants"."role_profile_id";--> statement-breakpoint
ALTER TABLE "round_participants" ALTER COLUMN "targets" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_based_on_fk" FOREIGN KEY ("based_on_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_draft_uq" ON "framework_versions" USING btree ("framework_id") WHERE "framework_versions"."status" = 'draft';