ALTER TABLE `templates` ADD `consumer` integer DEFAULT 0 NOT NULL;
