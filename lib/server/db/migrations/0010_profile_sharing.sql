CREATE TABLE "payment_profiles" (
	"reference" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"sub" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"fetched_at" timestamp with time zone,
	"claims" jsonb,
	"email_search" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_profiles" ADD CONSTRAINT "payment_profiles_reference_payments_reference_fk" FOREIGN KEY ("reference") REFERENCES "public"."payments"("reference") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_profiles_email" ON "payment_profiles" USING btree ("email_search") WHERE email_search is not null;--> statement-breakpoint
CREATE INDEX "payment_profiles_due" ON "payment_profiles" USING btree ("next_attempt_at") WHERE status in ('waiting', 'claimed', 'retrying');