CREATE TABLE `bank_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text DEFAULT '' NOT NULL,
	`file_sha256` text NOT NULL,
	`format_version` text DEFAULT '' NOT NULL,
	`encoding` text DEFAULT '' NOT NULL,
	`sender` text DEFAULT '' NOT NULL,
	`org_id` integer NOT NULL,
	`account` text NOT NULL,
	`date_from` text,
	`date_to` text,
	`opening_balance_kopecks` integer,
	`closing_balance_kopecks` integer,
	`document_count` integer DEFAULT 0 NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL,
	`imported_by` integer,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_statements_sha_unique` ON `bank_statements` (`file_sha256`);--> statement-breakpoint
CREATE INDEX `bank_statements_period_idx` ON `bank_statements` (`date_from`,`date_to`);--> statement-breakpoint
CREATE TABLE `month_closes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`head_of_sales_confirmed_at` text,
	`head_of_sales_confirmed_by` integer,
	`head_of_sales_fingerprint` text,
	`accountant_confirmed_at` text,
	`accountant_confirmed_by` integer,
	`accountant_fingerprint` text,
	`closed_at` text,
	`closed_totals` text,
	`reopened_at` text,
	`reopened_by` integer,
	`reopen_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`head_of_sales_confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accountant_confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `month_closes_month_idx` ON `month_closes` (`month`,`closed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `month_closes_live_unique` ON `month_closes` (`month`) WHERE reopened_at IS NULL;--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`vat_kopecks` integer DEFAULT 0 NOT NULL,
	`rule` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_allocations_amount_positive" CHECK("payment_allocations"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_allocations_unique` ON `payment_allocations` (`payment_id`,`document_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_document_idx` ON `payment_allocations` (`document_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`month` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`vat_kopecks` integer DEFAULT 0 NOT NULL,
	`amount_net_kopecks` integer NOT NULL,
	`vat_source` text DEFAULT 'none' NOT NULL,
	`org_id` integer NOT NULL,
	`our_account` text DEFAULT '' NOT NULL,
	`payer_inn` text DEFAULT '' NOT NULL,
	`payer_name` text DEFAULT '' NOT NULL,
	`payer_account` text DEFAULT '' NOT NULL,
	`payer_bik` text DEFAULT '' NOT NULL,
	`payee_inn` text DEFAULT '' NOT NULL,
	`payee_name` text DEFAULT '' NOT NULL,
	`payee_account` text DEFAULT '' NOT NULL,
	`payee_bik` text DEFAULT '' NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`doc_number` text DEFAULT '' NOT NULL,
	`doc_type` text DEFAULT '' NOT NULL,
	`doc_date` text,
	`statement_id` integer,
	`client_id` integer,
	`manager_id` integer,
	`match_rule` text DEFAULT 'none' NOT NULL,
	`dedupe_key` text NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_id`) REFERENCES `bank_statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_month_of_date" CHECK("payments"."month" = substr("payments"."date", 1, 7)),
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount_kopecks" > 0),
	CONSTRAINT "payments_net_plus_vat" CHECK("payments"."amount_net_kopecks" + "payments"."vat_kopecks" = "payments"."amount_kopecks")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_dedupe_unique` ON `payments` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `payments_month_idx` ON `payments` (`month`,`manager_id`);--> statement-breakpoint
CREATE INDEX `payments_client_idx` ON `payments` (`client_id`,`date`);--> statement-breakpoint
CREATE INDEX `payments_statement_idx` ON `payments` (`statement_id`);--> statement-breakpoint
CREATE INDEX `payments_payer_inn_idx` ON `payments` (`payer_inn`);