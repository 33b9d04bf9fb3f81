-- Imported and traceable goods on a line: country of origin (ОКСМ code and short name), the customs declaration or РНПТ, код вида товара (ТН ВЭД ЕАЭС).
ALTER TABLE `document_lines` ADD `country_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `document_lines` ADD `country_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `document_lines` ADD `customs_declaration` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `document_lines` ADD `product_kind_code` text DEFAULT '' NOT NULL;
