-- Free space on every work_order page lets updates that change no indexed column (the deadline watch's
-- supervision flag, version and updated_at) be HOT: the new row version stays on the same page and none of the
-- table's indexes gets a new entry. Applies to pages written from now on; VACUUM FULL rewrites old ones.
alter table work_order set (fillfactor = 85);
