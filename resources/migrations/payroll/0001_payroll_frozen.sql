-- Approved payroll orders and statements are frozen by the store itself, not only by the program.
-- An approved order accepts one change: being superseded (status → 'superseded' with the newer order and
-- the time, nothing else). A superseded one accepts none. Coverage of an order that left the draft state
-- cannot change. An approved statement, its lines and what it held cannot change; a held commission of
-- an approved statement only gets the statement that released it recorded, once, by a draft statement.
-- A later migration that adds a column to `payroll_orders` must recreate payroll_orders_frozen_update with it.
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
)
BEGIN
  SELECT RAISE(ABORT, 'payroll_orders: an approved order is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_orders_frozen_delete` BEFORE DELETE ON `payroll_orders`
WHEN OLD.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'payroll_orders: only a draft can be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_orders_insert_as_draft` BEFORE INSERT ON `payroll_orders`
WHEN NEW.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'payroll_orders: an order is created as a draft');
END;
--> statement-breakpoint
-- An order is approved complete: its number, date, approver and time.
CREATE TRIGGER `payroll_orders_approve_complete` BEFORE UPDATE OF `status` ON `payroll_orders`
WHEN NEW.`status` = 'approved' AND OLD.`status` <> 'approved' AND (
  OLD.`status` <> 'sent' OR NEW.`number` = '' OR NEW.`order_date` IS NULL
  OR NEW.`approved_by` IS NULL OR NEW.`approved_at` IS NULL
)
BEGIN
  SELECT RAISE(ABORT, 'payroll_orders: an order is approved from sent, with its number, date and approver');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_order_coverage_frozen_insert` BEFORE INSERT ON `payroll_order_coverage`
WHEN (SELECT `status` FROM `payroll_orders` WHERE `id` = NEW.`order_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'payroll_order_coverage: the order is no longer a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_order_coverage_frozen_update` BEFORE UPDATE ON `payroll_order_coverage`
WHEN (SELECT `status` FROM `payroll_orders` WHERE `id` = OLD.`order_id`) <> 'draft'
  OR (SELECT `status` FROM `payroll_orders` WHERE `id` = NEW.`order_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'payroll_order_coverage: the order is no longer a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_order_coverage_frozen_delete` BEFORE DELETE ON `payroll_order_coverage`
WHEN (SELECT `status` FROM `payroll_orders` WHERE `id` = OLD.`order_id`) <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'payroll_order_coverage: the order is no longer a draft');
END;
--> statement-breakpoint
-- «Ознакомлен» is recorded once, for an approved order only.
CREATE TRIGGER `payroll_acknowledgements_approved_only` BEFORE INSERT ON `payroll_acknowledgements`
WHEN (SELECT `status` FROM `payroll_orders` WHERE `id` = NEW.`order_id`) NOT IN ('approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'payroll_acknowledgements: the order is not approved');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_acknowledgements_no_update` BEFORE UPDATE ON `payroll_acknowledgements`
BEGIN
  SELECT RAISE(ABORT, 'payroll_acknowledgements: recorded once');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_acknowledgements_no_delete` BEFORE DELETE ON `payroll_acknowledgements`
BEGIN
  SELECT RAISE(ABORT, 'payroll_acknowledgements: recorded once');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_statements_frozen_update` BEFORE UPDATE ON `payroll_statements`
WHEN OLD.`status` = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_statements: an approved statement is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_statements_frozen_delete` BEFORE DELETE ON `payroll_statements`
WHEN OLD.`status` = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_statements: an approved statement is frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_statements_approve_complete` BEFORE UPDATE OF `status` ON `payroll_statements`
WHEN NEW.`status` = 'approved' AND (NEW.`approved_by` IS NULL OR NEW.`approved_at` IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'payroll_statements: approved with the approver and the time');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_statements_insert_as_draft` BEFORE INSERT ON `payroll_statements`
WHEN NEW.`status` <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'payroll_statements: a statement is computed as a draft');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_lines_frozen_insert` BEFORE INSERT ON `payroll_lines`
WHEN (SELECT `status` FROM `payroll_statements` WHERE `id` = NEW.`statement_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_lines: the statement is approved');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_lines_frozen_update` BEFORE UPDATE ON `payroll_lines`
WHEN (SELECT `status` FROM `payroll_statements` WHERE `id` = OLD.`statement_id`) = 'approved'
  OR (SELECT `status` FROM `payroll_statements` WHERE `id` = NEW.`statement_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_lines: the statement is approved');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_lines_frozen_delete` BEFORE DELETE ON `payroll_lines`
WHEN (SELECT `status` FROM `payroll_statements` WHERE `id` = OLD.`statement_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_lines: the statement is approved');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_held_frozen_insert` BEFORE INSERT ON `payroll_held`
WHEN (SELECT `status` FROM `payroll_statements` WHERE `id` = NEW.`statement_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_held: the statement is approved');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_held_frozen_delete` BEFORE DELETE ON `payroll_held`
WHEN (SELECT `status` FROM `payroll_statements` WHERE `id` = OLD.`statement_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'payroll_held: the statement is approved');
END;
--> statement-breakpoint
CREATE TRIGGER `payroll_held_frozen_update` BEFORE UPDATE ON `payroll_held`
WHEN (
  (SELECT `status` FROM `payroll_statements` WHERE `id` = OLD.`statement_id`) = 'approved' AND (
    NEW.`id` IS NOT OLD.`id` OR NEW.`statement_id` IS NOT OLD.`statement_id` OR NEW.`user_id` IS NOT OLD.`user_id`
    OR NEW.`payment_id` IS NOT OLD.`payment_id` OR NEW.`base_kopecks` IS NOT OLD.`base_kopecks`
    OR NEW.`commission_kopecks` IS NOT OLD.`commission_kopecks` OR NEW.`act_ids` IS NOT OLD.`act_ids`
  )
)
  OR (NEW.`released_statement_id` IS NOT OLD.`released_statement_id` AND (
    (SELECT `status` FROM `payroll_statements` WHERE `id` = OLD.`released_statement_id`) = 'approved'
    OR (SELECT `status` FROM `payroll_statements` WHERE `id` = NEW.`released_statement_id`) = 'approved'
  ))
BEGIN
  SELECT RAISE(ABORT, 'payroll_held: the statement is approved');
END;
