-- Settings of a session that loads much data it can afford to lose on a crash (the demo's seed):
-- no waiting for the WAL flush at each commit, and no NOTICE chatter.
-- strata:script
SET synchronous_commit = off;
SET client_min_messages = warning
