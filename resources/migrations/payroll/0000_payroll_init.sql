CREATE TABLE `payroll_acknowledgements` (
	`order_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`acknowledged_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `payroll_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_acknowledgements_unique` ON `payroll_acknowledgements` (`order_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `payroll_held` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`payment_id` integer NOT NULL,
	`base_kopecks` integer NOT NULL,
	`commission_kopecks` integer NOT NULL,
	`act_ids` text DEFAULT '[]' NOT NULL,
	`released_statement_id` integer,
	FOREIGN KEY (`statement_id`) REFERENCES `payroll_statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_statement_id`) REFERENCES `payroll_statements`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_held_unique` ON `payroll_held` (`statement_id`,`payment_id`);--> statement-breakpoint
CREATE INDEX `payroll_held_user_idx` ON `payroll_held` (`user_id`,`released_statement_id`);--> statement-breakpoint
CREATE TABLE `payroll_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`plan_kopecks` integer,
	`fact_kopecks` integer DEFAULT 0 NOT NULL,
	`dept_plan_kopecks` integer,
	`dept_fact_kopecks` integer DEFAULT 0 NOT NULL,
	`personal_percent` text DEFAULT '' NOT NULL,
	`dept_percent` text,
	`band` text DEFAULT '' NOT NULL,
	`rate_bp` integer DEFAULT 0 NOT NULL,
	`multiplier_bp` integer DEFAULT 10000 NOT NULL,
	`salary_kopecks` integer DEFAULT 0 NOT NULL,
	`commission_kopecks` integer DEFAULT 0 NOT NULL,
	`held_kopecks` integer DEFAULT 0 NOT NULL,
	`released_kopecks` integer DEFAULT 0 NOT NULL,
	`bonus_kopecks` integer DEFAULT 0 NOT NULL,
	`accrued_kopecks` integer DEFAULT 0 NOT NULL,
	`ndfl_kopecks` integer DEFAULT 0 NOT NULL,
	`net_kopecks` integer DEFAULT 0 NOT NULL,
	`problem` text,
	`explanation` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `payroll_statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `payroll_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_lines_unique` ON `payroll_lines` (`statement_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `payroll_lines_user_idx` ON `payroll_lines` (`user_id`);--> statement-breakpoint
CREATE TABLE `payroll_order_coverage` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`user_id` integer,
	`role` text,
	FOREIGN KEY (`order_id`) REFERENCES `payroll_orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payroll_order_coverage_one" CHECK(("payroll_order_coverage"."user_id" IS NULL) <> ("payroll_order_coverage"."role" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `payroll_order_coverage_order_idx` ON `payroll_order_coverage` (`order_id`);--> statement-breakpoint
CREATE INDEX `payroll_order_coverage_user_idx` ON `payroll_order_coverage` (`user_id`);--> statement-breakpoint
CREATE TABLE `payroll_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`number_seq` integer,
	`number_year` integer,
	`order_date` text,
	`title` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`scheme` text NOT NULL,
	`hold_unsigned` integer DEFAULT true NOT NULL,
	`hold_grace_days` integer DEFAULT 0 NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	`sent_by` integer,
	`sent_at` text,
	`approved_by` integer,
	`approved_at` text,
	`superseded_by` integer,
	`superseded_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `payroll_orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payroll_orders_period" CHECK("payroll_orders"."valid_to" IS NULL OR "payroll_orders"."valid_to" >= "payroll_orders"."valid_from")
);
--> statement-breakpoint
CREATE INDEX `payroll_orders_status_idx` ON `payroll_orders` (`status`,`valid_from`);--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_orders_number_unique` ON `payroll_orders` (`number_year`,`number_seq`) WHERE number_seq IS NOT NULL;--> statement-breakpoint
CREATE TABLE `payroll_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`computed_by` integer,
	`computed_at` text NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	FOREIGN KEY (`computed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payroll_statements_month_unique` ON `payroll_statements` (`month`);