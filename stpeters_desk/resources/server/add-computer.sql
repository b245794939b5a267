-- St Peter's Desk: a database login for ONE computer of the school (issue 18).
--
-- Run by the server's administrator, once per computer:
--
--   psql -U postgres -d stpeters_desk -v computer=desk_office_pc -f add-computer.sql
--
-- psql asks for the computer's password without showing it (or give it with
-- -v password='…', which your shell's history may keep). The password goes into that
-- computer's keyring when it is enrolled; it is never stored in this file or the
-- database in clear (the server keeps a SCRAM hash).
--
-- The role may log in and is a member of stpeters_desk_app (create-school-database.sql):
-- it reads and writes the app's tables, only appends to the audit log, and cannot
-- change the schema. One role per computer means a lost laptop is shut out on its own
-- with remove-computer.sql, without touching the others.

\set ON_ERROR_STOP on
\if :{?computer}
\else
  \echo 'Name the computer: -v computer=desk_office_pc'
  \quit
\endif
\if :{?password}
\else
  \prompt 'Password for this computer''s database role: ' password
\endif

SET password_encryption = 'scram-sha-256';
-- INHERIT: the role uses the group's rights directly (no SET ROLE, nothing more).
SELECT format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE '
              'NOREPLICATION NOBYPASSRLS IN ROLE stpeters_desk_app PASSWORD %L',
              :'computer', :'password') \gexec
\unset password
\echo 'Done: that computer connects as' :computer
