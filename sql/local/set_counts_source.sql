UPDATE backups SET counts_source = :counts_source WHERE id = :id
