CREATE TABLE "colleague_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"helper_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"unit_id" uuid,
	"framework_version_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"channel" text NOT NULL,
	"help_level" text NOT NULL,
	"competence_ids" text[] NOT NULL,
	"what_worked" text NOT NULL,
	"try_next" text DEFAULT '' NOT NULL,
	"goal_id" uuid,
	"theme_day_task_id" uuid,
	"shared_at" timestamp with time zone,
	"talking_point" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_learner_fk" FOREIGN KEY ("learner_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_helper_fk" FOREIGN KEY ("helper_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_closed_by_fk" FOREIGN KEY ("closed_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_framework_version_fk" FOREIGN KEY ("framework_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_employee_fk" FOREIGN KEY ("employee_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_framework_version_fk" FOREIGN KEY ("framework_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "colleague_pairings_learner_idx" ON "colleague_pairings" USING btree ("municipality_id","learner_id");--> statement-breakpoint
CREATE INDEX "colleague_pairings_helper_idx" ON "colleague_pairings" USING btree ("municipality_id","helper_id");--> statement-breakpoint
CREATE INDEX "colleague_pairings_unit_idx" ON "colleague_pairings" USING btree ("municipality_id","unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "colleague_pairings_open_uq" ON "colleague_pairings" USING btree ("learner_id","helper_id","competence_id") WHERE "colleague_pairings"."status" = 'open';--> statement-breakpoint
CREATE INDEX "practice_entries_employee_idx" ON "practice_entries" USING btree ("municipality_id","employee_id","occurred_on");--> statement-breakpoint
CREATE INDEX "practice_entries_unit_idx" ON "practice_entries" USING btree ("municipality_id","unit_id","occurred_on");--> statement-breakpoint
-- A goal removed from an unsigned plan leaves the practice entry in place, unlinked; the municipality stays.
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_goal_fk" FOREIGN KEY ("goal_id","municipality_id") REFERENCES "public"."goals"("id","municipality_id") ON DELETE SET NULL ("goal_id");--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_channel_check" CHECK (channel IN ('counter', 'phone', 'digital', 'video'));--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_help_level_check" CHECK (help_level IN ('self_service', 'co_service', 'full_service'));--> statement-breakpoint
ALTER TABLE "practice_entries" ADD CONSTRAINT "practice_entries_competences_check" CHECK (cardinality(competence_ids) BETWEEN 1 AND 5);--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_status_check" CHECK (status IN ('open', 'done', 'cancelled'));--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_two_people_check" CHECK (learner_id <> helper_id);--> statement-breakpoint
ALTER TABLE "colleague_pairings" ADD CONSTRAINT "colleague_pairings_closed_check" CHECK ((status = 'open') = (closed_at IS NULL));
