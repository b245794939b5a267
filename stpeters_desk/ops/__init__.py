"""The operations layer: the only way anything guarded or audited happens.

Each operation receives the ``Session`` (who is acting, on which computer), asks the
``Gate`` to clear its ``Action`` against the table in ``actions`` (role, head-teacher
PIN, reason), makes its change and writes its audit entry in one database
transaction, and returns a typed result or raises a ``Refused`` whose message a
person can act on. Widgets collect input, call one operation through the task
runner and show the result; they never call the audit log, the head-PIN check or
a store themselves. No Qt here: the command line and tests use the same calls.
"""
