CREATE TABLE "competence_ratings" (
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"rater_role" text NOT NULL,
	"competence_id" text NOT NULL,
	"unit_id" uuid,
	"level" smallint,
	"target_level" smallint,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competence_ratings_round_id_subject_id_rater_role_competence_id_pk" PRIMARY KEY("round_id","subject_id","rater_role","competence_id")
);
--> statement-breakpoint
CREATE TABLE "theme_day_participants" (
	"municipality_id" uuid NOT NULL,
	"theme_day_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "theme_day_participants_theme_day_id_user_id_pk" PRIMARY KEY("theme_day_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "theme_day_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"theme_day_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"exercise_id" text,
	"text" text NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"place" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"focus_competence_ids" text[] NOT NULL,
	"agenda" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "theme_days_id_municipality_uq" UNIQUE("id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "unit_competence_totals" (
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"competence_id" text NOT NULL,
	"assessed_count" integer NOT NULL,
	"rated_count" integer NOT NULL,
	"level_sum" integer NOT NULL,
	"target_sum" integer NOT NULL,
	"below_count" integer NOT NULL,
	CONSTRAINT "unit_competence_totals_municipality_id_round_id_unit_id_competence_id_pk" PRIMARY KEY("municipality_id","round_id","unit_id","competence_id")
);
--> statement-breakpoint
ALTER TABLE "competence_ratings" ADD CONSTRAINT "competence_ratings_assessment_fk" FOREIGN KEY ("round_id","subject_id","rater_role") REFERENCES "public"."assessments"("round_id","subject_id","rater_role") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_ratings" ADD CONSTRAINT "competence_ratings_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_day_participants" ADD CONSTRAINT "theme_day_participants_theme_day_fk" FOREIGN KEY ("theme_day_id","municipality_id") REFERENCES "public"."theme_days"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_day_participants" ADD CONSTRAINT "theme_day_participants_user_fk" FOREIGN KEY ("user_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_day_tasks" ADD CONSTRAINT "theme_day_tasks_participant_fk" FOREIGN KEY ("theme_day_id","user_id") REFERENCES "public"."theme_day_participants"("theme_day_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_day_tasks" ADD CONSTRAINT "theme_day_tasks_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_days" ADD CONSTRAINT "theme_days_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_days" ADD CONSTRAINT "theme_days_framework_version_fk" FOREIGN KEY ("framework_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_days" ADD CONSTRAINT "theme_days_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_competence_totals" ADD CONSTRAINT "unit_competence_totals_round_fk" FOREIGN KEY ("round_id","municipality_id") REFERENCES "public"."rounds"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_competence_totals" ADD CONSTRAINT "unit_competence_totals_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "theme_day_participants_user_idx" ON "theme_day_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_day_tasks_participant_uq" ON "theme_day_tasks" USING btree ("theme_day_id","user_id");--> statement-breakpoint
CREATE INDEX "theme_day_tasks_user_idx" ON "theme_day_tasks" USING btree ("municipality_id","user_id");--> statement-breakpoint
CREATE INDEX "theme_days_unit_idx" ON "theme_days" USING btree ("municipality_id","unit_id","date");--> statement-breakpoint
ALTER TABLE "competence_ratings" ADD CONSTRAINT "competence_ratings_rater_role_ck" CHECK ("rater_role" IN ('self', 'leader'));--> statement-breakpoint
ALTER TABLE "competence_ratings" ADD CONSTRAINT "competence_ratings_level_ck" CHECK ("level" BETWEEN 1 AND 10 AND "target_level" BETWEEN 1 AND 10);--> statement-breakpoint
ALTER TABLE "theme_days" ADD CONSTRAINT "theme_days_start_time_ck" CHECK ("start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');--> statement-breakpoint
ALTER TABLE "unit_competence_totals" ADD CONSTRAINT "unit_competence_totals_counts_ck" CHECK ("below_count" >= 0 AND "rated_count" >= 0 AND "rated_count" <= "assessed_count" AND "below_count" <= "assessed_count");--> statement-breakpoint
-- Every assessment submitted before this migration, flattened as a submit does it from now on. The unit is the
-- person's unit today: the unit at submission was not recorded before.
INSERT INTO "competence_ratings" ("municipality_id", "round_id", "subject_id", "rater_role", "competence_id", "unit_id", "level", "target_level", "submitted_at")
SELECT a."municipality_id", a."round_id", a."subject_id", a."rater_role", rating.key, u."unit_id",
  (rating.value ->> 'level')::smallint, (rp."targets" ->> rating.key)::smallint, coalesce(a."submitted_at", a."updated_at")
FROM "assessments" a
JOIN "users" u ON u."id" = a."subject_id"
JOIN "round_participants" p ON p."round_id" = a."round_id" AND p."user_id" = a."subject_id"
JOIN "role_profiles" rp ON rp."id" = p."role_profile_id"
CROSS JOIN LATERAL jsonb_each(a."ratings") AS rating(key, value)
WHERE a."status" = 'submitted';
--> statement-breakpoint
-- The sums per round, unit and competence of those leader ratings, as submits keep them from now on.
INSERT INTO "unit_competence_totals" ("municipality_id", "round_id", "unit_id", "competence_id", "assessed_count", "rated_count", "level_sum", "target_sum", "below_count")
SELECT "municipality_id", "round_id", "unit_id", "competence_id", count(*),
  count(*) FILTER (WHERE "level" IS NOT NULL AND "target_level" IS NOT NULL),
  coalesce(sum("level") FILTER (WHERE "target_level" IS NOT NULL), 0),
  coalesce(sum("target_level") FILTER (WHERE "level" IS NOT NULL), 0),
  count(*) FILTER (WHERE "level" < "target_level")
FROM "competence_ratings"
WHERE "rater_role" = 'leader' AND "unit_id" IS NOT NULL
GROUP BY "municipality_id", "round_id", "unit_id", "competence_id";
