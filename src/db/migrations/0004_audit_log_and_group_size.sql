CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"subject_person_id" uuid,
	"purpose" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "min_group_size" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("municipality_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_person_idx" ON "audit_events" USING btree ("municipality_id","subject_person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("municipality_id","actor_id","occurred_at");--> statement-breakpoint
-- The log is append-only. A row may be deleted only when its municipality is being deleted (the cascade), or by the
-- retention job of the log itself, which says so in the transaction (SET LOCAL vejviser.audit_retention = 'on').
CREATE FUNCTION refuse_audit_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND (
      NOT EXISTS (SELECT 1 FROM municipalities WHERE municipalities.id = OLD.municipality_id)
      OR coalesce(current_setting('vejviser.audit_retention', true), '') = 'on') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_min_group_size_ck" CHECK ("min_group_size" BETWEEN 3 AND 50);
