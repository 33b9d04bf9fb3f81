-- A document counts as issued on its own date when that is earlier than the day it was issued in the
-- program (an act dated the last day of the month and issued on the 3rd waits from its date; demo
-- and imported documents keep their real age). The scan's deadline of an unsent document counts from
-- this day, and the first step may be dated from it.
DROP TRIGGER `documents_signing_on_issue`;
--> statement-breakpoint
CREATE TRIGGER `documents_signing_on_issue` AFTER UPDATE OF `status` ON `documents`
WHEN OLD.`status` = 'draft' AND NEW.`status` = 'issued'
BEGIN
  INSERT OR IGNORE INTO document_signing_state
    (document_id, state, state_at, kind, number, doc_date, client_id, manager_id, basis_id, amount_kopecks, risk_kopecks, issued_on, updated_at)
  VALUES
    (NEW.id, 'issued', min(NEW.doc_date, substr(NEW.issued_at, 1, 10)), NEW.kind, NEW.number, NEW.doc_date, NEW.client_id, NEW.manager_id,
     NEW.basis_document_id, NEW.gross_kopecks, NEW.gross_kopecks, min(NEW.doc_date, substr(NEW.issued_at, 1, 10)), NEW.issued_at);
END;
--> statement-breakpoint
UPDATE document_signing_state SET
  state_at = CASE WHEN NOT EXISTS (SELECT 1 FROM document_signing_events e WHERE e.document_id = document_signing_state.document_id)
    THEN min(state_at, doc_date) ELSE state_at END,
  issued_on = min(issued_on, doc_date)
WHERE doc_date < issued_on;
