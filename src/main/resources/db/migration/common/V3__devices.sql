-- device: the register of recording devices and their custody history (台账)
create table device_device (
    id                 uuid          primary key,
    agency_code        varchar(64)   not null,
    number             varchar(64)   not null,
    kind               varchar(32)   not null,
    brand              varchar(100),
    model              varchar(100),
    serial_number      varchar(100),
    asset_number       varchar(100),
    purchase_date      date,
    purchase_price     numeric(12, 2),
    custodian_id       uuid,
    default_officer_id uuid,
    volume_label       varchar(100),
    volume_serial      varchar(100),
    status             varchar(16)   not null,
    holder_id          uuid,
    created_at         timestamp with time zone not null,
    constraint device_number_unique unique (agency_code, number)
);

-- what happened to a device, in order: never updated, never deleted
create table device_event (
    id            uuid          primary key,
    device_id     uuid          not null references device_device (id),
    agency_code   varchar(64)   not null,
    kind          varchar(24)   not null,
    occurred_at   timestamp with time zone not null,
    actor_id      uuid          not null,
    actor_name    varchar(64)   not null,
    officer_id    uuid,
    battery_ok    boolean,
    storage_ok    boolean,
    clock_ok      boolean,
    amount        numeric(12, 2),
    note          varchar(1000),
    cite          varchar(300)
);
create index device_event_device on device_event (device_id, occurred_at);
create index device_event_officer on device_event (officer_id, occurred_at);
