ALTER TABLE "staff_actions" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "duplicate_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "last_received_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written (not generated): an existing inbox holds one row per delivery, repeats included. Fold each
-- accepted event's repeats into its first row (counted, newest time kept) before the unique index needs it.
UPDATE "webhook_deliveries" AS "keep" SET "duplicate_count" = "folded"."repeats", "last_received_at" = "folded"."last"
FROM (SELECT min("id") AS "id", count(*) - 1 AS "repeats", max("received_at") AS "last" FROM "webhook_deliveries"
      WHERE "refusal_reason" IS NULL AND "event_id" IS NOT NULL GROUP BY "event_id" HAVING count(*) > 1) AS "folded"
WHERE "keep"."id" = "folded"."id";--> statement-breakpoint
DELETE FROM "webhook_deliveries" AS "d" WHERE "d"."refusal_reason" IS NULL AND "d"."event_id" IS NOT NULL
  AND "d"."id" > (SELECT min("f"."id") FROM "webhook_deliveries" AS "f" WHERE "f"."event_id" = "d"."event_id" AND "f"."refusal_reason" IS NULL);--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_one_per_event" ON "webhook_deliveries" USING btree ("event_id") WHERE refusal_reason is null;