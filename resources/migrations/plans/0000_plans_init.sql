CREATE TABLE `advertising_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`client_source_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`client_source_id`) REFERENCES `client_sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `advertising_sources_name_unique` ON `advertising_sources` (`name`);--> statement-breakpoint
CREATE TABLE `advertising_spend` (
	`source_id` integer NOT NULL,
	`month` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	PRIMARY KEY(`source_id`, `month`),
	FOREIGN KEY (`source_id`) REFERENCES `advertising_sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `forecast_snapshot_rows` (
	`snapshot_id` integer NOT NULL,
	`deal_id` integer NOT NULL,
	`manager_id` integer NOT NULL,
	`title` text NOT NULL,
	`client_name` text DEFAULT '' NOT NULL,
	`month` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`probability` integer NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `deal_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `forecast_snapshots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `forecast_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taken_at` text NOT NULL,
	`week` text NOT NULL,
	`kind` text NOT NULL,
	`taken_by` integer,
	`deal_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`taken_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `forecast_snapshots_week_idx` ON `forecast_snapshots` (`week`);--> statement-breakpoint
CREATE INDEX `forecast_snapshots_taken_idx` ON `forecast_snapshots` (`taken_at`);--> statement-breakpoint
CREATE TABLE `inbound_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` text NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`source_id` integer NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_info` text DEFAULT '' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`client_id` integer,
	`deal_id` integer,
	`manager_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `advertising_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inbound_requests_day_idx` ON `inbound_requests` (`day`,`source_id`);--> statement-breakpoint
CREATE INDEX `inbound_requests_deal_idx` ON `inbound_requests` (`deal_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`user_id` integer,
	`owner_key` integer DEFAULT 0 NOT NULL,
	`period` text NOT NULL,
	`measure` text NOT NULL,
	`amount_kopecks` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_unique` ON `plans` (`scope`,`owner_key`,`period`,`measure`);--> statement-breakpoint
CREATE INDEX `plans_period_idx` ON `plans` (`period`,`scope`);--> statement-breakpoint
CREATE TABLE `vip_client_tiers` (
	`client_id` integer PRIMARY KEY NOT NULL,
	`tier_id` integer NOT NULL,
	`since` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tier_id`) REFERENCES `vip_tiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vip_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer,
	`from_client_id` integer NOT NULL,
	`new_client_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `vip_visits`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`from_client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`new_client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `vip_referrals_from_idx` ON `vip_referrals` (`from_client_id`);--> statement-breakpoint
CREATE TABLE `vip_tiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`interval_months` integer NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vip_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer NOT NULL,
	`manager_id` integer NOT NULL,
	`visited_on` text NOT NULL,
	`form_id` integer,
	`fields` text DEFAULT '[]' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`suggestions` text DEFAULT '' NOT NULL,
	`testimonial` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_id`) REFERENCES `questionnaire_forms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vip_visits_client_idx` ON `vip_visits` (`client_id`,`visited_on`);--> statement-breakpoint
-- The VIP programme's schedule from the seed: every client at least yearly, key clients quarterly or monthly.
INSERT INTO `vip_tiers` (name, interval_months, is_default, sort) VALUES
  ('Ключевой клиент — ежемесячно', 1, 0, 1),
  ('Важный клиент — ежеквартально', 3, 0, 2),
  ('Все клиенты — раз в год', 12, 1, 3);
--> statement-breakpoint
-- The VIP questionnaire as an office-defined form (the clients area's mechanism); the office edits it.
INSERT INTO `questionnaire_forms` (kind, title, fields, created_at, updated_at) VALUES
  ('other', 'VIP-анкета', '[{"key":"satisfaction","label":"Насколько вы довольны работой с нами","type":"select","options":["Полностью","В основном","Частично","Не довольны"]},{"key":"quality","label":"Качество товаров и услуг","type":"select","options":["Отлично","Хорошо","Удовлетворительно","Плохо"]},{"key":"service","label":"Работа менеджера и сроки","type":"select","options":["Отлично","Хорошо","Удовлетворительно","Плохо"]},{"key":"new_needs","label":"Новые задачи и потребности","type":"text"},{"key":"recommend","label":"Готовы рекомендовать нас партнёрам","type":"checkbox"},{"key":"next_contact","label":"Дата следующей встречи","type":"date"}]', strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT INTO `settings` (key, value) SELECT 'vip.formId', CAST(max(id) AS TEXT) FROM `questionnaire_forms` WHERE title = 'VIP-анкета';
