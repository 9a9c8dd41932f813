"""Qt models over the case file's rows (data only; loading goes through the DB thread)."""
