CREATE TABLE `bundles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`deal_id` integer,
	`terms` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`combined_pdf` blob,
	`combined_sha256` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`issued_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `catalog_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`article` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`okei` text DEFAULT '' NOT NULL,
	`vat_rate` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `catalog_items_name_idx` ON `catalog_items` (`name`);--> statement-breakpoint
CREATE TABLE `discount_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`line_position` integer NOT NULL,
	`line_name` text NOT NULL,
	`requested_bp` integer NOT NULL,
	`limit_bp` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discount_approvals_status_idx` ON `discount_approvals` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `discount_approvals_document_idx` ON `discount_approvals` (`document_id`);--> statement-breakpoint
CREATE TABLE `discount_limits` (
	`role` text PRIMARY KEY NOT NULL,
	`max_discount_bp` integer NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`position` integer NOT NULL,
	`catalog_item_id` integer,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`okei` text DEFAULT '' NOT NULL,
	`quantity_milli` integer NOT NULL,
	`price_kopecks` integer NOT NULL,
	`discount_bp` integer DEFAULT 0 NOT NULL,
	`vat_rate` text NOT NULL,
	`net_kopecks` integer NOT NULL,
	`vat_kopecks` integer NOT NULL,
	`gross_kopecks` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`catalog_item_id`) REFERENCES `catalog_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_lines_position_unique` ON `document_lines` (`document_id`,`position`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`org_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`deal_id` integer,
	`manager_id` integer NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`number_seq` integer,
	`series_key` text NOT NULL,
	`series_year` integer,
	`doc_date` text NOT NULL,
	`vat_mode` text NOT NULL,
	`vat_rate` text NOT NULL,
	`net_kopecks` integer DEFAULT 0 NOT NULL,
	`vat_kopecks` integer DEFAULT 0 NOT NULL,
	`gross_kopecks` integer DEFAULT 0 NOT NULL,
	`basis_document_id` integer,
	`bundle_id` integer,
	`template_version_id` integer,
	`terms` text DEFAULT '{}' NOT NULL,
	`snapshot` text,
	`pdf` blob,
	`pdf_sha256` text,
	`issued_at` text,
	`issued_by` integer,
	`annulled_at` text,
	`annulled_by` integer,
	`annulled_reason` text,
	`corrects_document_id` integer,
	`correction_number` integer,
	`correction_date` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`basis_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bundle_id`) REFERENCES `bundles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_version_id`) REFERENCES `template_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`annulled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_list_idx` ON `documents` (`status`,`doc_date`);--> statement-breakpoint
CREATE INDEX `documents_client_idx` ON `documents` (`client_id`,`doc_date`);--> statement-breakpoint
CREATE INDEX `documents_deal_idx` ON `documents` (`deal_id`);--> statement-breakpoint
CREATE INDEX `documents_manager_idx` ON `documents` (`manager_id`,`doc_date`);--> statement-breakpoint
CREATE INDEX `documents_kind_idx` ON `documents` (`kind`,`doc_date`);--> statement-breakpoint
CREATE INDEX `documents_bundle_idx` ON `documents` (`bundle_id`);--> statement-breakpoint
CREATE INDEX `documents_basis_idx` ON `documents` (`basis_document_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number_unique` ON `documents` (`org_id`,`series_key`,`series_year`,`number_seq`) WHERE number_seq IS NOT NULL AND corrects_document_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_correction_unique` ON `documents` (`corrects_document_id`,`correction_number`) WHERE corrects_document_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `number_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`series_key` text NOT NULL,
	`year` integer NOT NULL,
	`mask` text DEFAULT '{N}' NOT NULL,
	`last_number` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_series_unique` ON `number_series` (`org_id`,`series_key`,`year`);--> statement-breakpoint
CREATE TABLE `org_assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`png` blob NOT NULL,
	`sha256` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `org_assets_org_idx` ON `org_assets` (`org_id`,`kind`);--> statement-breakpoint
CREATE TABLE `price_list_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`price_list_id` integer NOT NULL,
	`catalog_item_id` integer NOT NULL,
	`price_kopecks` integer NOT NULL,
	FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`catalog_item_id`) REFERENCES `catalog_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_list_items_unique` ON `price_list_items` (`price_list_id`,`catalog_item_id`);--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `template_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `template_versions_unique` ON `template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `templates_kind_idx` ON `templates` (`kind`);