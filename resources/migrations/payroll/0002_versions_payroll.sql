-- Record versions for concurrent edits: payroll orders carry a version and who saved them last.
-- The freeze of approved orders is recreated with the two new columns (an approved order's version stays put).
ALTER TABLE `payroll_orders` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `payroll_orders` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
DROP TRIGGER `payroll_orders_frozen_update`;--> statement-breakpoint
CREATE TRIGGER `payroll_orders_frozen_update` BEFORE UPDATE ON `payroll_orders`
WHEN OLD.`status` IN ('approved', 'superseded') AND NOT (
  OLD.`status` = 'approved' AND NEW.`status` = 'superseded'
    AND NEW.`superseded_by` IS NOT NULL AND NEW.`superseded_at` IS NOT NULL
    AND NEW.`id` IS OLD.`id`
    AND NEW.`number` IS OLD.`number`
    AND NEW.`number_seq` IS OLD.`number_seq`
    AND NEW.`number_year` IS OLD.`number_year`
    AND NEW.`order_date` IS OLD.`order_date`
    AND NEW.`title` IS OLD.`title`
    AND NEW.`valid_from` IS OLD.`valid_from`
    AND NEW.`valid_to` IS OLD.`valid_to`
    AND NEW.`scheme` IS OLD.`scheme`
    AND NEW.`hold_unsigned` IS OLD.`hold_unsigned`
    AND NEW.`hold_grace_days` IS OLD.`hold_grace_days`
    AND NEW.`conditions` IS OLD.`conditions`
    AND NEW.`created_by` IS OLD.`created_by`
    AND NEW.`created_at` IS OLD.`created_at`
    AND NEW.`updated_at` IS OLD.`updated_at`
    AND NEW.`sent_by` IS OLD.`sent_by`
    AND NEW.`sent_at` IS OLD.`sent_at`
    AND NEW.`approved_by` IS OLD.`approved_by`
    AND NEW.`approved_at` IS OLD.`approved_at`
    AND NEW.`version` IS OLD.`version`
    AND NEW.`updated_by` IS OLD.`updated_by`
)
BEGIN
  SELECT RAISE(ABORT, 'payroll_orders: an approved order is frozen');
END;
