"""Pure domain: dataclasses, enums, workflow rules, deadline arithmetic, calendars.

Nothing here does I/O, talks SQL or imports Qt; ``today`` is always passed in.
"""
