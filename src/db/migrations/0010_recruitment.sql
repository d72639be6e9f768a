CREATE TABLE "candidate_consolidations" (
	"municipality_id" uuid NOT NULL,
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"scores" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"outbox_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_self_assessments" (
	"municipality_id" uuid NOT NULL,
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"ratings" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'da' NOT NULL,
	"external_url" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hired_user_id" uuid,
	"hired_at" timestamp with time zone,
	"consent_confirmed_by_id" uuid,
	"consent_confirmed_at" timestamp with time zone,
	CONSTRAINT "candidates_id_municipality_uq" UNIQUE("id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "interview_baselines" (
	"municipality_id" uuid NOT NULL,
	"user_id" uuid PRIMARY KEY NOT NULL,
	"position_title" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"targets" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	"interviewed_at" timestamp with time zone NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_scores" (
	"municipality_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"panel_member_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "panel_scores_candidate_id_panel_member_id_pk" PRIMARY KEY("candidate_id","panel_member_id")
);
--> statement-breakpoint
CREATE TABLE "position_panel" (
	"municipality_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "position_panel_position_id_user_id_pk" PRIMARY KEY("position_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"role_profile_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"targets" jsonb NOT NULL,
	"focus_competence_ids" text[] NOT NULL,
	"guide" jsonb NOT NULL,
	"guide_version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"chosen_candidate_id" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"closed_at" timestamp with time zone,
	"candidates_deleted_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positions_id_municipality_uq" UNIQUE("id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "scheduled_job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "candidate_retention_months" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate_consolidations" ADD CONSTRAINT "candidate_consolidations_candidate_fk" FOREIGN KEY ("candidate_id","municipality_id") REFERENCES "public"."candidates"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_consolidations" ADD CONSTRAINT "candidate_consolidations_updated_by_fk" FOREIGN KEY ("updated_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_links" ADD CONSTRAINT "candidate_links_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_links" ADD CONSTRAINT "candidate_links_candidate_fk" FOREIGN KEY ("candidate_id","municipality_id") REFERENCES "public"."candidates"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_links" ADD CONSTRAINT "candidate_links_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_self_assessments" ADD CONSTRAINT "candidate_self_assessments_candidate_fk" FOREIGN KEY ("candidate_id","municipality_id") REFERENCES "public"."candidates"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_position_fk" FOREIGN KEY ("position_id","municipality_id") REFERENCES "public"."positions"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_hired_user_fk" FOREIGN KEY ("hired_user_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_baselines" ADD CONSTRAINT "interview_baselines_user_fk" FOREIGN KEY ("user_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_baselines" ADD CONSTRAINT "interview_baselines_framework_version_fk" FOREIGN KEY ("framework_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_candidate_fk" FOREIGN KEY ("candidate_id","municipality_id") REFERENCES "public"."candidates"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_member_fk" FOREIGN KEY ("panel_member_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_panel" ADD CONSTRAINT "position_panel_position_fk" FOREIGN KEY ("position_id","municipality_id") REFERENCES "public"."positions"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_panel" ADD CONSTRAINT "position_panel_user_fk" FOREIGN KEY ("user_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_role_profile_fk" FOREIGN KEY ("role_profile_id","municipality_id") REFERENCES "public"."role_profiles"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_framework_version_fk" FOREIGN KEY ("framework_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_decided_by_fk" FOREIGN KEY ("decided_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_links_token_uq" ON "candidate_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "candidate_links_candidate_idx" ON "candidate_links" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "candidates_position_idx" ON "candidates" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "position_panel_user_idx" ON "position_panel" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "positions_municipality_idx" ON "positions" USING btree ("municipality_id","status");--> statement-breakpoint
-- The chosen candidate may be deleted (on request, or by retention): the decision then points at nobody.
ALTER TABLE "positions" ADD CONSTRAINT "positions_chosen_candidate_fk" FOREIGN KEY ("chosen_candidate_id","municipality_id") REFERENCES "public"."candidates"("id","municipality_id") ON DELETE SET NULL ("chosen_candidate_id");--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_status_ck" CHECK ("status" IN ('draft', 'open', 'interviewing', 'decided', 'closed'));--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_status_ck" CHECK ("status" IN ('draft', 'submitted'));--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_locale_ck" CHECK ("locale" IN ('da', 'en'));--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_candidate_retention_months_ck" CHECK ("candidate_retention_months" BETWEEN 1 AND 24);--> statement-breakpoint
-- A submitted score is the member's independent judgement: it is never changed, only deleted with its candidate.
CREATE FUNCTION refuse_submitted_score_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'a submitted panel score is never changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER panel_scores_submitted_immutable
  BEFORE UPDATE ON panel_scores
  FOR EACH ROW EXECUTE FUNCTION refuse_submitted_score_change();
