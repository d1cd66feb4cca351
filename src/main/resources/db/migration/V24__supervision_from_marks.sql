-- Automatic supervision (督办) is the watch's OVERDUE mark itself; the sweep writes no row of work_order any more
-- (docs/deadlines.md, "The watch"; measurements in docs/benchmarks.md, "Deadlines", session 5).
--
-- Until now an overdue clock set work_order.supervised: an update of a random page per order (an 8 kB full-page image
-- in the WAL after each checkpoint, 70 of the 88 MB a sweep of 10,000 overdue clocks wrote) and a version bump that
-- made a handler's pending reply fail with 409 because a clock fired. An order is now under supervision when it was
-- supervised by hand (the column, action "supervise") or when one of its clocks has an OVERDUE mark; readers derive
-- it (OrderRow.SUPERVISED), through this small index of the overdue marks only.
create index deadline_mark_supervision_idx on deadline_mark (order_id) where kind = 'OVERDUE';

-- The history's foreign key goes too. Its check locks the order's row (SELECT … FOR KEY SHARE), and a row lock is a
-- write: without the supervision update the sweep's history entries would still dirty (and full-page-image) every
-- order's page. Every writer of order_history appends for an order it has just read or locked in the same
-- transaction, like the marks (V23), so the check guarded nothing the code does; what the key also gave — an order
-- with history could not be deleted — is kept for every order by the trigger below (a hotline keeps its records).
alter table order_history drop constraint order_history_order_id_fkey;
create function forbid_order_delete() returns trigger language plpgsql as $$
begin
    raise exception 'work orders are never deleted (order %); close, merge or declare it invalid instead', old.id
        using errcode = 'P0001';
end $$;
create trigger work_order_kept before delete on work_order
    for each row execute function forbid_order_delete();
