-- end-of-day collection reminders (000 art. 16, 004 art. 12): one per device still out per day
create table device_reminder (
    id           uuid         primary key,
    agency_code  varchar(64)  not null,
    device_id    uuid         not null references device_device (id),
    holder_id    uuid         not null,
    reminder_day date         not null,
    created_at   timestamp with time zone not null,
    constraint device_reminder_once unique (device_id, reminder_day)
);
create index device_reminder_day on device_reminder (agency_code, reminder_day);
