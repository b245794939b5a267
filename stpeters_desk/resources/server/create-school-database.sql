-- St Peter's Desk: the school's shared database on a PostgreSQL server (issue 18).
--
-- Run ONCE, by the server's administrator (a superuser such as "postgres"):
--
--   psql -U postgres -v owner_password='…' -f create-school-database.sql
--
-- (leave out -v owner_password and psql asks for it without showing it). It makes:
--
--   * the database (default name stpeters_desk; -v db=NAME for another);
--   * the OWNER role (default stpeters_desk_owner; -v owner=NAME): it owns the tables
--     and is the only role that changes their layout. The app's migrations run as this
--     role: "stpeters-desk database upgrade --database postgresql://stpeters_desk_owner@SERVER/DB"
--     after every update of the app, before the computers start the new version. Keep
--     its password with the technician, never on the school's computers;
--   * the GROUP role stpeters_desk_app (no login): what every computer may do. It may
--     read and write the app's tables (SELECT, INSERT, UPDATE, DELETE) and use their
--     sequences, but only INSERT into and SELECT from the audit log (migration 17 takes
--     the rest away, and a trigger refuses changes as well), and it may not create,
--     alter or drop anything: a computer cannot rewrite history or the schema. A computer
--     whose app finds the layout out of date refuses to start and says to run the
--     upgrade above (it never migrates with more rights than it was given).
--
-- Each computer then gets a login role of its own with add-computer.sql, and loses it
-- with remove-computer.sql. Passwords are given to psql as variables or typed at its
-- prompt: none is ever written in these files.
--
-- TLS: the app connects with sslmode=require by default (verify-full when the school
-- gives sslrootcert=). Turn ssl on in postgresql.conf with a certificate, and allow the
-- computers in pg_hba.conf with "hostssl … scram-sha-256".

\set ON_ERROR_STOP on
\if :{?db}
\else
  \set db stpeters_desk
\endif
\if :{?owner}
\else
  \set owner stpeters_desk_owner
\endif
\if :{?owner_password}
\else
  \prompt 'Password for the owner role (kept by IT, not on the school computers): ' owner_password
\endif

SET password_encryption = 'scram-sha-256';
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
              :'owner', :'owner_password') \gexec
\unset owner_password
SELECT 'CREATE ROLE stpeters_desk_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stpeters_desk_app') \gexec

CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO stpeters_desk_app;

\connect :"db"
-- Only the owner creates objects; the computers may use what it made.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO stpeters_desk_app;
-- Every table and sequence the owner's migrations create from now on:
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stpeters_desk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO stpeters_desk_app;

\echo 'Done. Next: stpeters-desk database upgrade as the owner role, then add-computer.sql for each computer.'
