CREATE TABLE "conversation_participants" (
	"municipality_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "conversation_participants_conversation_id_user_id_pk" PRIMARY KEY("conversation_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ALTER COLUMN "employee_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "goals" ALTER COLUMN "employee_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_conversation_fk" FOREIGN KEY ("conversation_id","municipality_id") REFERENCES "public"."conversations"("id","municipality_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_user_fk" FOREIGN KEY ("user_id","municipality_id") REFERENCES "public"."users"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_participants_user_idx" ON "conversation_participants" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_unit_fk" FOREIGN KEY ("unit_id","municipality_id") REFERENCES "public"."units"("id","municipality_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_unit_idx" ON "conversations" USING btree ("unit_id");--> statement-breakpoint
-- A group MUS (GRUS) is a conversation of kind 'group': with a unit and participants instead of one employee.
ALTER TABLE "conversations" DROP CONSTRAINT "conversations_kind_check";--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_kind_check" CHECK (kind IN ('profiling', 'mus', 'follow_up', 'group'));--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_group_shape_check" CHECK (
  (kind = 'group') = (employee_id IS NULL) AND (kind = 'group') = (unit_id IS NOT NULL)
);--> statement-breakpoint
-- Who took part is part of the record: once the leader has closed it, the list is as read-only as the rest (0003).
CREATE TRIGGER conversation_participants_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON conversation_participants
  FOR EACH ROW EXECUTE FUNCTION refuse_change_in_signed_conversation();
