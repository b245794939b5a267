-- St Peter's Desk: take a computer's database login away (lost, stolen or retired).
--
--   psql -U postgres -d stpeters_desk -v computer=desk_office_pc -f remove-computer.sql
--
-- Ends its open connections, then drops its role: from that moment it can neither read
-- nor write the school's data. Its audit entries stay (they name the computer, not the
-- role). Then rotate what it held (see installers/KIOSK.md, "Several computers").

\set ON_ERROR_STOP on
\if :{?computer}
\else
  \echo 'Name the computer: -v computer=desk_office_pc'
  \quit
\endif

SELECT format('ALTER ROLE %I NOLOGIN', :'computer') \gexec
SELECT count(pg_terminate_backend(pid)) AS connections_ended FROM pg_stat_activity
 WHERE usename = :'computer';
SELECT format('DROP ROLE %I', :'computer') \gexec
\echo 'Removed' :computer
