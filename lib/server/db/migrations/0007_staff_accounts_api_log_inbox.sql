CREATE TABLE "staff_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "staff_accounts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "vipps_api_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer,
	"duration_ms" integer NOT NULL,
	"attempt" integer NOT NULL,
	"idempotency_key" text,
	"reference" text,
	"trace_id" text,
	"psp_reference" text,
	"request_body" text,
	"response_body" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified" boolean NOT NULL,
	"refusal_reason" text,
	"event_id" integer,
	"duplicate" boolean DEFAULT false NOT NULL,
	"reference" text,
	"name" text,
	"body" text NOT NULL,
	"result" text,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "phone_number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "authorized_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "vipps_api_log_reference" ON "vipps_api_log" USING btree ("reference","id");--> statement-breakpoint
CREATE INDEX "vipps_api_log_at" ON "vipps_api_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received" ON "webhook_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_reference" ON "webhook_deliveries" USING btree ("reference");