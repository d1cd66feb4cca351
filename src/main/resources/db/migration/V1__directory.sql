-- Handling units: the city hotline, districts, streets/townships, municipal departments, public-service companies.
create table unit (
    code        varchar(32)  primary key,
    name        varchar(100) not null,
    type        varchar(16)  not null check (type in ('CITY', 'DISTRICT', 'STREET', 'DEPARTMENT', 'COMPANY')),
    parent_code varchar(32)  references unit (code),
    -- boundary polygon as GeoJSON geometry text; placed in memory with JTS (no PostGIS needed)
    boundary    text
);
create index unit_parent_idx on unit (parent_code);
create index unit_type_idx on unit (type);
