CREATE TABLE "staff_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_email" text NOT NULL,
	"action" text NOT NULL,
	"reference" text NOT NULL,
	"amount_ore" integer,
	"note" text,
	"result" text NOT NULL,
	"operation_id" integer
);
--> statement-breakpoint
CREATE INDEX "staff_actions_reference" ON "staff_actions" USING btree ("reference");--> statement-breakpoint
CREATE FUNCTION staff_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'staff_actions is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER staff_actions_no_change BEFORE UPDATE OR DELETE ON staff_actions
  FOR EACH ROW EXECUTE FUNCTION staff_actions_append_only();
