-- The deadline watch's marks move out of order_deadline into a narrow append-only table (docs/deadlines.md, "The
-- watch"; measurements in docs/benchmarks.md, "Deadlines"). Marking a clock used to UPDATE its order_deadline row:
-- the marked column sat in the partial indexes' predicates, so every mark was a non-HOT update (a new row version,
-- new index entries, a full-page image in the WAL for each random page touched after a checkpoint). Now a mark is
-- an INSERT into deadline_mark, whose key starts with the point reached, so the marks of one sweep land on a few
-- adjacent pages; the sweep no longer writes (or locks) order_deadline at all.
--
-- A mark is keyed by the instant it marks: a clock that is restarted or moved (extension, resume) has new points
-- and is armed again without anyone resetting anything. Exactly once across application instances: the primary
-- key; a second instance's INSERT … ON CONFLICT DO NOTHING waits for the first one's transaction and then inserts
-- nothing, so only one of them writes the history entry and tells people.
create table deadline_mark (
    kind      varchar(9)  not null check (kind in ('WARNING', 'OVERDUE', 'ESCALATED')),
    -- the clock's warn_at, due_at or escalate_at that was reached
    point     timestamptz not null,
    order_id  bigint      not null,
    clock     varchar(16) not null,
    marked_at timestamptz not null,
    primary key (kind, point, order_id, clock)
);
-- no foreign key to order_deadline/work_order: a mark is written only for an existing clock, in the statement that
-- reads it, and a per-row key check would cost as much as the mark itself
create trigger deadline_mark_append_only before update or delete on deadline_mark
    for each row execute function forbid_change();

-- The watch's indexes cover the running clocks only (met and cancelled ones leave them) and carry what the claim
-- reads, so finding the due clocks is an index-only scan anti-joined with the marks.
drop index order_deadline_warn_idx;
drop index order_deadline_due_idx;
drop index order_deadline_escalate_idx;
create index order_deadline_warn_idx on order_deadline (warn_at, order_id, clock) include (due_at)
    where met_at is null and not cancelled;
create index order_deadline_due_idx on order_deadline (due_at, order_id, clock)
    where met_at is null and not cancelled;
create index order_deadline_escalate_idx on order_deadline (escalate_at, order_id, clock) include (due_at)
    where met_at is null and not cancelled;

-- the marks that were kept on the clocks so far, then the columns themselves
insert into deadline_mark (kind, point, order_id, clock, marked_at)
select 'WARNING', warn_at, order_id, clock, warned_at from order_deadline where warned_at is not null
union all
select 'OVERDUE', due_at, order_id, clock, overdue_at from order_deadline where overdue_at is not null
union all
select 'ESCALATED', escalate_at, order_id, clock, escalated_at from order_deadline where escalated_at is not null;
alter table order_deadline drop column warned_at, drop column overdue_at, drop column escalated_at;
