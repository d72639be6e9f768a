CREATE TABLE "conversation_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_notes" (
	"municipality_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_notes_conversation_id_author_id_pk" PRIMARY KEY("conversation_id","author_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_preparations" (
	"municipality_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"chosen_competence_ids" text[] NOT NULL,
	"shared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_preparations_conversation_id_author_id_pk" PRIMARY KEY("conversation_id","author_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_signatures" (
	"municipality_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_id" uuid NOT NULL,
	"content_version" integer NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversation_signatures_conversation_id_role_pk" PRIMARY KEY("conversation_id","role")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"round_id" uuid,
	"follow_up_of" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"held_at" timestamp with time zone,
	"next_follow_up" date,
	"agenda" jsonb NOT NULL,
	"agenda_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"content_version" integer DEFAULT 1 NOT NULL,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_id_municipality_uq" UNIQUE("id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "goal_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"colleague_id" uuid,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"dropped_reason" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"title" text NOT NULL,
	"why" text NOT NULL,
	"success_criterion" text NOT NULL,
	"target_date" date NOT NULL,
	"competence_ids" text[] NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"dropped_reason" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_id_municipality_uq" UNIQUE("id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "plan_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"action_id" uuid,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_addenda" ADD CONSTRAINT "conversation_addenda_conversation_fk" FOREIGN KEY ("conversation_id","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_addenda" ADD CONSTRAINT "conversation_addenda_author_fk" FOREIGN KEY ("author_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_conversation_fk" FOREIGN KEY ("conversation_id","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_author_fk" FOREIGN KEY ("author_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_preparations" ADD CONSTRAINT "conversation_preparations_conversation_fk" FOREIGN KEY ("conversation_id","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_preparations" ADD CONSTRAINT "conversation_preparations_author_fk" FOREIGN KEY ("author_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_signatures" ADD CONSTRAINT "conversation_signatures_conversation_fk" FOREIGN KEY ("conversation_id","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_signatures" ADD CONSTRAINT "conversation_signatures_signer_fk" FOREIGN KEY ("signer_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_employee_fk" FOREIGN KEY ("employee_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_leader_fk" FOREIGN KEY ("leader_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_round_fk" FOREIGN KEY ("round_id","municipality_id") REFERENCES "public"."rounds"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_follow_up_fk" FOREIGN KEY ("follow_up_of","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_goal_fk" FOREIGN KEY ("goal_id","municipality_id") REFERENCES "public"."goals"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_owner_fk" FOREIGN KEY ("owner_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_colleague_fk" FOREIGN KEY ("colleague_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_conversation_fk" FOREIGN KEY ("conversation_id","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_employee_fk" FOREIGN KEY ("employee_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_goal_fk" FOREIGN KEY ("goal_id","municipality_id") REFERENCES "public"."goals"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_changes" ADD CONSTRAINT "plan_status_changes_by_fk" FOREIGN KEY ("changed_by_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_addenda_conversation_idx" ON "conversation_addenda" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "conversations_employee_idx" ON "conversations" USING btree ("employee_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "goal_actions_goal_idx" ON "goal_actions" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "goal_actions_owner_idx" ON "goal_actions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "goals_employee_idx" ON "goals" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "goals_conversation_idx" ON "goals" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "plan_status_changes_goal_idx" ON "plan_status_changes" USING btree ("goal_id");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_kind_check" CHECK (kind IN ('profiling', 'mus', 'follow_up'));--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_status_check" CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped'));--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_status_check" CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped'));--> statement-breakpoint
ALTER TABLE "goal_actions" ADD CONSTRAINT "goal_actions_kind_check" CHECK (kind IN ('theory', 'practice', 'colleague', 'other'));--> statement-breakpoint
ALTER TABLE "conversation_signatures" ADD CONSTRAINT "conversation_signatures_role_check" CHECK (role IN ('employee', 'leader'));--> statement-breakpoint
-- A signed conversation is read-only through every route: these triggers refuse the change in the database itself.
-- Only the status of goals and actions may still move (the follow-up), and each move is kept in plan_status_changes.
CREATE FUNCTION conversation_is_signed(conversation uuid) RETURNS boolean AS $$
  SELECT signed_at IS NOT NULL FROM conversations WHERE id = conversation;
$$ LANGUAGE sql STABLE;--> statement-breakpoint
CREATE FUNCTION refuse_signed_conversation_change() RETURNS trigger AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'conversation % is signed; add an addendum instead', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER conversations_signed_immutable
  BEFORE UPDATE ON conversations
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_conversation_change();--> statement-breakpoint
CREATE FUNCTION refuse_change_in_signed_conversation() RETURNS trigger AS $$
DECLARE
  row_conversation uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
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
CREATE TRIGGER conversation_notes_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON conversation_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_change_in_signed_conversation();--> statement-breakpoint
CREATE TRIGGER conversation_signatures_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON conversation_signatures
  FOR EACH ROW EXECUTE FUNCTION refuse_change_in_signed_conversation();--> statement-breakpoint
CREATE FUNCTION refuse_goal_change_after_signing() RETURNS trigger AS $$
BEGIN
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
CREATE TRIGGER goals_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON goals
  FOR EACH ROW EXECUTE FUNCTION refuse_goal_change_after_signing();--> statement-breakpoint
CREATE FUNCTION refuse_action_change_after_signing() RETURNS trigger AS $$
DECLARE
  row_goal uuid;
  signed boolean;
BEGIN
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
CREATE TRIGGER goal_actions_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON goal_actions
  FOR EACH ROW EXECUTE FUNCTION refuse_action_change_after_signing();--> statement-breakpoint
CREATE FUNCTION refuse_addendum_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'addenda are never changed or removed' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER conversation_addenda_append_only
  BEFORE UPDATE OR DELETE ON conversation_addenda
  FOR EACH ROW EXECUTE FUNCTION refuse_addendum_change();
