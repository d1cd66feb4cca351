-- Order search (search module): after a restart the index catches up on the orders changed since its
-- watermark, in (updated_at, id) order; this index keeps that read proportional to what changed.
create index work_order_updated_idx on work_order (updated_at, id);
