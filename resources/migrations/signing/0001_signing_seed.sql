-- Signing: the default rules per document kind, the 2026–2027 production calendar, and the triggers
-- that keep document_signing_state in step with the documents area (issue, annulment) and with every
-- signing event. All the deadline and money-at-risk arithmetic lives in the trigger
-- document_signing_state_derive below, so it is the same whichever path changed a row.
INSERT INTO `signing_rules` (`kind`, `needs_client_signature`, `needs_original`, `confirms_fulfilment`, `risk_from_acts`, `scan_working_days`, `original_days`, `note`, `updated_at`) VALUES
  ('commercial_offer', 0, 0, 0, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('contract_supply', 1, 1, 0, 1, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('contract_services', 1, 1, 0, 1, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('invoice', 0, 0, 0, 0, 5, 30, 'Счёт подписи клиента не требует: ответ на него — оплата.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('act_services', 1, 1, 1, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('act_transfer', 1, 1, 1, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('torg12', 1, 1, 1, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('upd', 1, 1, 1, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('invoice_factura', 0, 0, 0, 0, 5, 30, 'Счёт-фактура подписывается только нами и нужна для вычета НДС. Она не подтверждает исполнение обязательств перед клиентом: это доказывают подписанные клиентом акт, накладная или УПД.', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('reconciliation_act', 1, 1, 0, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('free_form', 0, 0, 0, 0, 5, 30, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO `holidays` (`day`, `kind`, `note`) VALUES
  ('2026-01-01', 'holiday', 'Новогодние каникулы'),
  ('2026-01-02', 'holiday', 'Новогодние каникулы'),
  ('2026-01-03', 'holiday', 'Новогодние каникулы'),
  ('2026-01-04', 'holiday', 'Новогодние каникулы'),
  ('2026-01-05', 'holiday', 'Новогодние каникулы'),
  ('2026-01-06', 'holiday', 'Новогодние каникулы'),
  ('2026-01-07', 'holiday', 'Рождество Христово'),
  ('2026-01-08', 'holiday', 'Новогодние каникулы'),
  ('2026-01-09', 'holiday', 'Перенос выходного с 3 января'),
  ('2026-02-23', 'holiday', 'День защитника Отечества'),
  ('2026-03-08', 'holiday', 'Международный женский день'),
  ('2026-03-09', 'holiday', 'Перенос выходного с 8 марта'),
  ('2026-05-01', 'holiday', 'Праздник Весны и Труда'),
  ('2026-05-09', 'holiday', 'День Победы'),
  ('2026-05-11', 'holiday', 'Перенос выходного с 9 мая'),
  ('2026-06-12', 'holiday', 'День России'),
  ('2026-11-04', 'holiday', 'День народного единства'),
  ('2026-12-31', 'holiday', 'Перенос выходного с 4 января'),
  ('2027-01-01', 'holiday', 'Новогодние каникулы'),
  ('2027-01-02', 'holiday', 'Новогодние каникулы'),
  ('2027-01-03', 'holiday', 'Новогодние каникулы'),
  ('2027-01-04', 'holiday', 'Новогодние каникулы'),
  ('2027-01-05', 'holiday', 'Новогодние каникулы'),
  ('2027-01-06', 'holiday', 'Новогодние каникулы'),
  ('2027-01-07', 'holiday', 'Рождество Христово'),
  ('2027-01-08', 'holiday', 'Новогодние каникулы'),
  ('2027-02-23', 'holiday', 'День защитника Отечества'),
  ('2027-03-08', 'holiday', 'Международный женский день'),
  ('2027-05-01', 'holiday', 'Праздник Весны и Труда'),
  ('2027-05-03', 'holiday', 'Перенос выходного с 1 мая (предварительно)'),
  ('2027-05-09', 'holiday', 'День Победы'),
  ('2027-05-10', 'holiday', 'Перенос выходного с 9 мая (предварительно)'),
  ('2027-06-12', 'holiday', 'День России'),
  ('2027-06-14', 'holiday', 'Перенос выходного с 12 июня (предварительно)'),
  ('2027-11-04', 'holiday', 'День народного единства');
--> statement-breakpoint
-- The calendar's days with their working flag and running count, computed from `holidays`: the
-- program rebuilds calendar_days from this view whenever the holidays are edited.
CREATE VIEW `calendar_days_source` AS
WITH RECURSIVE d(day) AS (
  SELECT '2015-01-01'
  UNION ALL
  SELECT date(day, '+1 day') FROM d WHERE day < '2045-12-31'
), w AS (
  SELECT d.day AS day, CASE
    WHEN EXISTS (SELECT 1 FROM holidays h WHERE h.day = d.day AND h.kind = 'working') THEN 1
    WHEN strftime('%w', d.day) IN ('0', '6') THEN 0
    WHEN EXISTS (SELECT 1 FROM holidays h WHERE h.day = d.day AND h.kind = 'holiday') THEN 0
    ELSE 1
  END AS working
  FROM d
)
SELECT day, working, sum(working) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS work_no FROM w;
--> statement-breakpoint
INSERT INTO `calendar_days` (`day`, `working`, `work_no`) SELECT day, working, work_no FROM calendar_days_source;
--> statement-breakpoint
CREATE TRIGGER `document_signing_events_no_update` BEFORE UPDATE ON `document_signing_events`
BEGIN
  SELECT RAISE(ABORT, 'document_signing_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `document_signing_events_no_delete` BEFORE DELETE ON `document_signing_events`
BEGIN
  SELECT RAISE(ABORT, 'document_signing_events is append-only');
END;
--> statement-breakpoint
-- What a row waits for, its due dates (the scan: N working days after sending, or after the issue
-- while not sent; the original: N calendar days, moved to the next working day), the next deadline,
-- and the money at risk (a contract's: the sum of its fulfilment documents not yet signed by the
-- client); then the same money for the contract this row is based on.
CREATE TRIGGER `document_signing_state_derive` AFTER UPDATE OF `state`, `sent_on`, `issued_on` ON `document_signing_state`
BEGIN
  UPDATE document_signing_state SET
    waiting_for = CASE
      WHEN state IN ('original_received', 'annulled') THEN NULL
      WHEN NOT EXISTS (SELECT 1 FROM signing_rules r WHERE r.kind = document_signing_state.kind AND (r.needs_client_signature = 1 OR r.needs_original = 1)) THEN NULL
      WHEN state = 'refused' THEN 'refusal'
      WHEN state IN ('issued', 'sent', 'signed_by_us') AND EXISTS (SELECT 1 FROM signing_rules r WHERE r.kind = document_signing_state.kind AND r.needs_client_signature = 1) THEN 'signature'
      WHEN EXISTS (SELECT 1 FROM signing_rules r WHERE r.kind = document_signing_state.kind AND r.needs_original = 1) THEN 'original'
      ELSE NULL
    END,
    scan_due = (
      SELECT c2.day FROM signing_rules r
      JOIN calendar_days c1 ON c1.day = coalesce(document_signing_state.sent_on, document_signing_state.issued_on)
      JOIN calendar_days c2 ON c2.working = 1 AND c2.work_no = c1.work_no + r.scan_working_days
      WHERE r.kind = document_signing_state.kind AND r.needs_client_signature = 1
    ),
    original_due = (
      SELECT c.day FROM signing_rules r
      JOIN calendar_days c ON c.working = 1 AND c.day >= date(coalesce(document_signing_state.sent_on, document_signing_state.issued_on), '+' || r.original_days || ' days')
      WHERE r.kind = document_signing_state.kind AND r.needs_original = 1
      ORDER BY c.day LIMIT 1
    )
  WHERE document_id = NEW.document_id;
  UPDATE document_signing_state SET
    due_date = CASE waiting_for WHEN 'signature' THEN scan_due WHEN 'original' THEN original_due ELSE NULL END,
    risk_kopecks = CASE
      WHEN EXISTS (SELECT 1 FROM signing_rules r WHERE r.kind = document_signing_state.kind AND r.risk_from_acts = 1) THEN (
        SELECT coalesce(sum(a.amount_kopecks), 0) FROM document_signing_state a
        JOIN signing_rules ar ON ar.kind = a.kind AND ar.confirms_fulfilment = 1
        WHERE a.basis_id = document_signing_state.document_id AND a.state IN ('issued', 'sent', 'signed_by_us', 'refused')
      )
      ELSE amount_kopecks
    END
  WHERE document_id = NEW.document_id;
  UPDATE document_signing_state SET
    risk_kopecks = (
      SELECT coalesce(sum(a.amount_kopecks), 0) FROM document_signing_state a
      JOIN signing_rules ar ON ar.kind = a.kind AND ar.confirms_fulfilment = 1
      WHERE a.basis_id = document_signing_state.document_id AND a.state IN ('issued', 'sent', 'signed_by_us', 'refused')
    )
  WHERE document_id = NEW.basis_id
    AND EXISTS (SELECT 1 FROM signing_rules r WHERE r.kind = document_signing_state.kind AND r.risk_from_acts = 1);
END;
--> statement-breakpoint
CREATE TRIGGER `document_signing_state_insert` AFTER INSERT ON `document_signing_state`
BEGIN
  UPDATE document_signing_state SET state = state WHERE document_id = NEW.document_id;
END;
--> statement-breakpoint
-- Every issued document starts at «выставлен», whichever path issued it.
CREATE TRIGGER `documents_signing_on_issue` AFTER UPDATE OF `status` ON `documents`
WHEN OLD.`status` = 'draft' AND NEW.`status` = 'issued'
BEGIN
  INSERT OR IGNORE INTO document_signing_state
    (document_id, state, state_at, kind, number, doc_date, client_id, manager_id, basis_id, amount_kopecks, risk_kopecks, issued_on, updated_at)
  VALUES
    (NEW.id, 'issued', substr(NEW.issued_at, 1, 10), NEW.kind, NEW.number, NEW.doc_date, NEW.client_id, NEW.manager_id, NEW.basis_document_id,
     NEW.gross_kopecks, NEW.gross_kopecks, substr(NEW.issued_at, 1, 10), NEW.issued_at);
END;
--> statement-breakpoint
-- An annulled document ends its tracking: the annulment (who, when, why) goes into its signing history.
CREATE TRIGGER `documents_signing_on_annul` AFTER UPDATE OF `status` ON `documents`
WHEN OLD.`status` = 'issued' AND NEW.`status` = 'annulled'
BEGIN
  INSERT INTO document_signing_events (document_id, state, at, reason, user_id, recorded_at)
  VALUES (NEW.id, 'annulled', substr(NEW.annulled_at, 1, 10), coalesce(NEW.annulled_reason, ''), NEW.annulled_by, NEW.annulled_at);
  UPDATE document_signing_state SET state = 'annulled', state_at = substr(NEW.annulled_at, 1, 10), updated_at = NEW.annulled_at
  WHERE document_id = NEW.id;
END;
--> statement-breakpoint
-- Documents issued before this area existed start at «выставлен» too (annulled ones as annulled).
INSERT INTO document_signing_state
  (document_id, state, state_at, kind, number, doc_date, client_id, manager_id, basis_id, amount_kopecks, risk_kopecks, issued_on, updated_at)
SELECT id, CASE status WHEN 'annulled' THEN 'annulled' ELSE 'issued' END, substr(coalesce(annulled_at, issued_at), 1, 10), kind, number, doc_date, client_id,
  manager_id, basis_document_id, gross_kopecks, gross_kopecks, substr(issued_at, 1, 10), issued_at
FROM documents WHERE status IN ('issued', 'annulled') AND issued_at IS NOT NULL ORDER BY id;
