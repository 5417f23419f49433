-- policy: the agency's decision (document number and date) behind a retention period its regulation leaves
-- to "complete keeping" (000 art. 15, 004 art. 11)
alter table policy_setting add column decision_number varchar(100);
alter table policy_setting add column decision_date date;
