CREATE TABLE `series_rules` (
	`series_key` text PRIMARY KEY NOT NULL,
	`max_days_ahead` integer,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "series_rules_days_check" CHECK("series_rules"."max_days_ahead" IS NULL OR ("series_rules"."max_days_ahead" >= 0 AND "series_rules"."max_days_ahead" <= 3650))
);
