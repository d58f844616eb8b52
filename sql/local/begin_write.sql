-- Takes the write lock at once: two programs opening an old catalog together (the window and a
-- scheduled run) migrate it one after the other, the second finding it done.
BEGIN IMMEDIATE
