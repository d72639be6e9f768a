ALTER TABLE "municipalities" ADD COLUMN "conversation_retention_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "rating_retention_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "practice_retention_months" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "conversations_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ratings_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "practice_erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_departed_idx" ON "users" USING btree ("municipality_id","deactivated_at") WHERE "users"."deactivated_at" is not null;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_conversation_retention_months_ck" CHECK ("conversation_retention_months" BETWEEN 1 AND 120);--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_rating_retention_months_ck" CHECK ("rating_retention_months" BETWEEN 1 AND 120);--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_practice_retention_months_ck" CHECK ("practice_retention_months" BETWEEN 1 AND 120);--> statement-breakpoint
-- People who left before this migration left when their row last changed: the deactivation was that change, or later.
UPDATE "users" SET "deactivated_at" = "updated_at" WHERE NOT "active";--> statement-breakpoint
-- An anonymised person has no identity left to log in with, and is never made active again.
ALTER TABLE "users" ADD CONSTRAINT "users_anonymised_inactive_ck" CHECK ("anonymised_at" IS NULL OR NOT "active");--> statement-breakpoint
-- The departure date follows `active` wherever it is changed (the administrator's page, the import, the CLI): set when
-- a person is deactivated (unless the statement gives the date), cleared with the erasure marks when they come back.
CREATE FUNCTION track_departure() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT NEW.active AND NEW.deactivated_at IS NULL THEN
      NEW.deactivated_at := now();
    END IF;
  ELSIF NEW.active THEN
    NEW.deactivated_at := NULL;
    NEW.conversations_erased_at := NULL;
    NEW.ratings_erased_at := NULL;
    NEW.practice_erased_at := NULL;
  ELSIF OLD.active AND NEW.deactivated_at IS NULL THEN
    NEW.deactivated_at := now();
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER users_track_departure
  BEFORE INSERT OR UPDATE OF active ON users
  FOR EACH ROW EXECUTE FUNCTION track_departure();--> statement-breakpoint
-- Erasing a person's data is the one deletion signed records and addenda allow, declared in its transaction
-- (SELECT set_config('vejviser.erasure', 'on', true)), like the audit log's own retention (0004).
CREATE FUNCTION erasure_in_progress() RETURNS boolean AS $$
  SELECT coalesce(current_setting('vejviser.erasure', true), '') = 'on';
$$ LANGUAGE sql STABLE;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change_in_signed_conversation() RETURNS trigger AS $$
DECLARE
  row_conversation uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF erasure_in_progress() THEN
      RETURN OLD;
    END IF;
    row_conversation := OLD.conversation_id;
  ELSE
    row_conversation := NEW.conversation_id;
  END IF;
  IF conversation_is_signed(row_conversation) THEN
    RAISE EXCEPTION 'conversation % is signed; add an addendum instead', row_conversation USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_goal_change_after_signing() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_in_progress() THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND NOT conversation_is_signed(OLD.conversation_id) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.title, NEW.why, NEW.success_criterion, NEW.target_date, NEW.competence_ids,
      NEW.conversation_id, NEW.employee_id, NEW.position)
      IS NOT DISTINCT FROM (OLD.title, OLD.why, OLD.success_criterion, OLD.target_date, OLD.competence_ids,
      OLD.conversation_id, OLD.employee_id, OLD.position) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND NOT conversation_is_signed(NEW.conversation_id) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND NOT conversation_is_signed(OLD.conversation_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the goal belongs to a signed conversation; only its status may change'
    USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_action_change_after_signing() RETURNS trigger AS $$
DECLARE
  row_goal uuid;
  signed boolean;
BEGIN
  IF TG_OP = 'DELETE' AND erasure_in_progress() THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    row_goal := NEW.goal_id;
  ELSE
    row_goal := OLD.goal_id;
  END IF;
  SELECT conversation_is_signed(goals.conversation_id) INTO signed FROM goals WHERE goals.id = row_goal;
  IF NOT coalesce(signed, false) THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.kind, NEW.description, NEW.owner_id, NEW.colleague_id, NEW.due_date, NEW.goal_id,
      NEW.position)
      IS NOT DISTINCT FROM (OLD.kind, OLD.description, OLD.owner_id, OLD.colleague_id, OLD.due_date, OLD.goal_id,
      OLD.position) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the action belongs to a signed conversation; only its status may change'
    USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_addendum_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_in_progress() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'addenda are never changed or removed' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;
