CREATE TABLE "assessment_reopenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"reopened_by_id" uuid NOT NULL,
	"reopened_at" timestamp with time zone NOT NULL,
	"submitted_ratings" jsonb NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"rater_role" text NOT NULL,
	"rater_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"ratings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "round_participants" (
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role_profile_id" uuid NOT NULL,
	"conversation_held_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "round_participants_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"hide_leader_until_both" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "rounds_id_municipality_uq" UNIQUE("id","municipality_id")
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "hr_sees_rounds" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role_profile_key" text;--> statement-breakpoint
ALTER TABLE "role_profiles" ADD CONSTRAINT "role_profiles_id_municipality_uq" UNIQUE("id","municipality_id");--> statement-breakpoint
ALTER TABLE "assessment_reopenings" ADD CONSTRAINT "assessment_reopenings_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_participant_fk" FOREIGN KEY ("round_id","subject_id") REFERENCES "public"."round_participants"("round_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_rater_fk" FOREIGN KEY ("rater_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_participants" ADD CONSTRAINT "round_participants_round_fk" FOREIGN KEY ("round_id","municipality_id") REFERENCES "public"."rounds"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_participants" ADD CONSTRAINT "round_participants_user_fk" FOREIGN KEY ("user_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_participants" ADD CONSTRAINT "round_participants_role_profile_fk" FOREIGN KEY ("role_profile_id","municipality_id") REFERENCES "public"."role_profiles"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_framework_version_fk" FOREIGN KEY ("framework_version_id","municipality_id") REFERENCES "public"."framework_versions"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_created_by_fk" FOREIGN KEY ("created_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_reopenings_assessment_idx" ON "assessment_reopenings" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_uq" ON "assessments" USING btree ("round_id","subject_id","rater_role");--> statement-breakpoint
CREATE INDEX "assessments_subject_idx" ON "assessments" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "outbox_municipality_idx" ON "outbox" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "round_participants_user_idx" ON "round_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rounds_municipality_idx" ON "rounds" USING btree ("municipality_id");--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_status_check" CHECK (status IN ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_rater_role_check" CHECK (rater_role IN ('self', 'leader'));--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_status_check" CHECK (status IN ('draft', 'submitted'));--> statement-breakpoint
-- Submitted ratings never change in place; a reopening first copies them to assessment_reopenings.
CREATE FUNCTION refuse_submitted_rating_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'submitted' AND NEW.status = 'submitted' AND NEW.ratings IS DISTINCT FROM OLD.ratings THEN
    RAISE EXCEPTION 'assessment % is submitted; reopen it before changing its ratings', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER assessments_submitted_immutable
  BEFORE UPDATE ON assessments
  FOR EACH ROW EXECUTE FUNCTION refuse_submitted_rating_change();
