<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>The demo could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 d ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden: no pg_read_all_stats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autovacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified since analyze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XID age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of wraparound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multixact age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOAST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows (est.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mat. view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitioned, 1 partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitioned, %1 partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its sizes are its partitions&apos; summed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partition of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not analyzed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Populated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after a first refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a unique index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL retained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, temporary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

%1@%2, %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End session %1? Its open transaction is rolled back and the client is disconnected.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the statement session %1 is running? The session stays connected.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this statement now?

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Without CONCURRENTLY the view is locked against reads until it finishes (CONCURRENTLY needs a unique index and data already in the view).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel query…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the statement the selected session is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminate session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the selected session and roll back its transaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>erd</name>
    <message>
        <source>1 partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitioned · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitioned by %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schemas %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chosen tables</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n step(s) around it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the shortest paths from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitioned table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::core::ErdSelect</name>
    <message>
        <source>No table or view named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain of foreign keys joins %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::models::BackupHistoryModel</name>
    <message>
        <source>server not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, 1 run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 runs failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::models::ConnectionListModel</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_service.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (connected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::models::LockTreeModel</name>
    <message>
        <source>blocks others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User@database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::models::MigrationEntryModel</name>
    <message>
        <source>Framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::AboutDialog</name>
    <message>
        <source>About Strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1 (%2 on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;A desktop console for PostgreSQL.&lt;/p&gt;&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;libpq&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Server&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;Strata uses Qt %1, a C++ toolkit for cross-platform applications, under the GNU Lesser General Public License version 3.&lt;/p&gt;&lt;p&gt;See &lt;a href=&quot;https://www.qt.io/&quot;&gt;qt.io&lt;/a&gt; for more.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ActivityTab</name>
    <message>
        <source>Client sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-running (over %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle in transaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::AlembicGraphView</name>
    <message>
        <source>Graphviz could not lay out the revision graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: current head in alembic_version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ApplyMigrationsDialog</name>
    <message>
        <source>%1 (started %2, never finished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply pending migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run unfinished files (nothing else is running them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stops here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing runs yet: %1, and the pending files come after it. Something may still be running it: check pg_stat_activity, then tick the box below to run it again, followed by the pending files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to run: every file is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Runs %n file(s) against %1, in this order, recording each in %2.%3: %4. It stops at the first error.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run again: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left alone: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ui::BackupDialog</name>
    <message>
        <source>Back up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (compressed, items can be chosen on restore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory (parallel jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compression: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all schemas (or: sales, &quot;Audit Log&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all tables; or one per line as in SQL: public.orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include what these tables reference (foreign keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows as INSERT statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON CONFLICT DO NOTHING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tables whose rows are left out, e.g. public.audit_log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude data of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command (no password: it goes to pg_dump through a temporary password file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) chosen; they reference no other table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Also included because the chosen tables reference them: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References %1%2: not included; tick to add them. Without them the backup cannot be restored on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (and through them %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for pg_dump…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::BackupHistoryView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the backups of a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 to check its SHA-256…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed the check: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot %1; the file is left where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 (and its manifest) from the disk, and its entry from the history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this entry from the history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the archives in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) added from %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A backup run that %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the schedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1, with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore test %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows at backup time (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ConnectDialog</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a connection string or postgresql:// URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name, IP address, or socket folder (empty: local socket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: ~/.pgpass, PGPASSWORD, or ask when needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services are read from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security and tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>further libpq options, e.g. target_session_attrs=read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder with pg_dump / pg_restore / psql (empty: search)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run the tools with docker exec in this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in from the connection string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other options: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 as %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ConnectionController</name>
    <message>
        <source>%1
Enter the password for %2 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Enter the password for %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ConnectionPanel</name>
    <message>
        <source>&lt;b&gt;Connections&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::DemoLauncher</name>
    <message>
        <source>Demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::DiagramControls</name>
    <message>
        <source>Diagram:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named diagrams (subject areas) keep their own choice of tables and where you moved them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schemas to draw (none chosen: every schema)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from schema.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to schema.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema.table, schema.table, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List only primary-key, foreign-key and referenced columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw views, with dashed lines to what they read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a table in the diagram…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as SVG, PNG, PDF or Graphviz DOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::DiagramPage</name>
    <message>
        <source>PK primary key · FK foreign key · ◆ not null · ◇ nullable · click a table to highlight its neighbours, double-click to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a table and its neighbours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: click it again, or the background, to clear the highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database to draw its tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no tables or views outside the system schemas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has %1 tables and views in %2 schemas. Choose schemas above, or a table to draw with its neighbours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 and laying it out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 tables and views: too many to draw or read as one diagram. Draw a table and its neighbours instead, or draw them all anyway (it takes a while).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to draw for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing %1 tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tables and views, %2 foreign keys · read in %3 ms, laid out in %4 ms (Graphviz %5 ms), drawn %6 ms after asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw all %1 anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No table named like “%1” in this diagram; choose “Neighbourhood” above to draw one with its neighbours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the schema browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show its neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path from here to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add its neighbours to this diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from this diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (*.svg);;PNG image (*.png);;PDF (*.pdf);;Graphviz DOT (*.dot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this diagram (its tables and where you moved them):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the diagram “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the diagram “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::DiagramScene</name>
    <message>
        <source>%1 reads %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::FailedRunWatcher</name>
    <message>
        <source>Scheduled backup %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::HealthTab</name>
    <message>
        <source>Vacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuples per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting on a lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hit: tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache hit: indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read 99 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to see this in the %1 tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warnings: nothing here needs attention now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reads yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Health&lt;/b&gt; &lt;span style=&apos;color:gray&apos;&gt;%1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::IndexesTab</name>
    <message>
        <source>Unused indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes never scanned since the statistics were reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate indexes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::JobsPage</name>
    <message>
        <source>New backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (made %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled at %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed at %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup or restore job(s) still running: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::LiveChart</name>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::LocksTab</name>
    <message>
        <source>Blocked sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions that wait for a lock, each under the session that holds it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::MainWindow</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now showing the database %1 (it was %2): the connection list, the title and every page follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — Strata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 on %2 — PostgreSQL %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the saved connection &quot;%1&quot;? Its password is removed from the keychain too; the database is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Close Strata and abandon it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::MatviewsTab</name>
    <message>
        <source>Materialized views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFRESH…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::MigrationTimeline</name>
    <message>
        <source>Applied migrations over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applied migration carries a time (Alembic, Rails and others do not record one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied migrations over time (size: duration; squares: failed, dirty or unfinished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::MigrationsPage</name>
    <message>
        <source>Migrations folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: choose the project&apos;s migrations folder to see pending, missing and changed files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by version, name, table, note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alembic graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the pending plain-SQL files in order, each in its own transaction unless it cannot run in one (CREATE INDEX CONCURRENTLY, COMMIT inside DO, its own BEGIN/COMMIT, or %1). A dry run shows the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupts the running statement and rolls the file back; files already applied stay applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migration run ended without a report; reload to see what was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading the migration histories…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Not connected.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations are being applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the migrations folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a migration to see its details.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No migration history table was found in any schema of this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pending for %2: run &lt;code&gt;%3&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 pending, %2 unfinished…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply %1 pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (ambiguous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in pg_stat_activity that nothing is still running it, then use Apply… and tick “Re-run unfinished files”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to apply: every file is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::Minimap</name>
    <message>
        <source>The whole diagram: click or drag to move there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::OverviewPage</name>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Not connected&lt;/h2&gt;&lt;p&gt;Choose a connection on the left, or add one with &lt;b&gt;New connection&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;%2&lt;br&gt;Connected as &lt;b&gt;%3&lt;/b&gt;%4 to &lt;b&gt;%5&lt;/b&gt; (%6)&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (superuser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Up for&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td width=24&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;Connections&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%2 of %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;This database&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%4, %5 schemas&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;&lt;b&gt;Encoding, time zone&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6, %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Extensions&lt;/b&gt;&lt;/td&gt;&lt;td colspan=4&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:gray&apos;&gt;Figures read %9 ago; F5 reads them again.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup, restore or restore test that ran at least this long ends with a desktop notification (0: every one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your home folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect to the last connection at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a saved connection that was open when Strata closed; its password comes from the keychain or is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when a job ran longer than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose backups in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ReplicationTab</name>
    <message>
        <source>Standbys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No standby is streaming from this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints since %1: %2 timed, %3 requested; %4 buffers written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pg_dump archive, a directory-format folder or an .sql file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only table data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another database on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One transaction (a failure leaves the target unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallel jobs: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With parallel jobs each worker has its own connection and transaction, so the restore cannot be one transaction: a failure half-way leaves the target partly restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop existing objects first (if they exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move sequences past the restored rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the table of contents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server to read the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plain SQL file: psql runs it whole with ON_ERROR_STOP, so items cannot be chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 format, %2 items, database %3, made by pg_dump %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking its SHA-256 against the manifest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its SHA-256 matches the manifest beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has %2 tables: restoring into it can overwrite or mix data. Type its name to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If %1 already has tables, restoring into it can overwrite or mix data. Type its name to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the database to restore into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database named &quot;%1&quot; exists already: choose another name, or restore into it as &quot;another database&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database named &quot;%1&quot; on this server: check the name, or choose &quot;a new database&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::RestoreTestDialog</name>
    <message>
        <source>Restore test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Strata restores it into a throwaway database on the server you choose, checks every table&apos;s rows against the backup&apos;s, pg_restore&apos;s errors and the sequences, records the result in the history, and drops the database again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the open connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server the backup came from is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server the backup came from (%1) is not among your connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the restore test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::ScheduleDialog</name>
    <message>
        <source>New backup schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every week (Monday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemd calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a day for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a week for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a month for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strata writes a systemd user timer that runs strata-cli at these times, also while Strata is closed. The password comes from the keychain or ~/.pgpass, never from the timer&apos;s files. Only backups this schedule made are ever deleted, and never the newest one that passed a restore test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the backups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::SchedulesView</name>
    <message>
        <source>New schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its unit files are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule %1 saved. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Schedule %1 (%2): %n backup(s) deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the schedule %1 and its systemd units? Its backups and their history stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::SchemaPage</name>
    <message>
        <source>Find tables, views, functions in every schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show internal schemas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 rows shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database to browse its schemas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a table, view, function or type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get the DDL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the definition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the server&apos;s pg_get_*def functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running pg_dump --schema-only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump --schema-only for exactly this object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a table or view to see its first rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 rows (the planner&apos;s estimate; nothing was counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row count unknown (never analyzed; nothing was counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No object matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy qualified name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as SELECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram of this schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram of it and its neighbours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::SequencesTab</name>
    <message>
        <source>Sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far each sequence has come, against the column it feeds when that column&apos;s type ends sooner than the sequence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::SizeBarChart</name>
    <message>
        <source>Largest tables (heap, TOAST, indexes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOAST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::SizesTab</name>
    <message>
        <source>Largest tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::StatementsTab</name>
    <message>
        <source>Top statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statements that took the most time in all, from pg_stat_statements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::StatsController</name>
    <message>
        <source>Could not read the statistics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 was asked to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 was asked to cancel its statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is gone or may not be signalled by this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still running; wait for it or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::StatsPage</name>
    <message>
        <source>&lt;h2&gt;Not connected&lt;/h2&gt;&lt;p&gt;Choose a connection to see its statistics.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the tables and take a sample of the live figures now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop both: no table is read and no sample taken until unticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running maintenance statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read tables every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often every table of every tab (sizes, sessions, locks, vacuum, …), the health warnings, the cache hit ratios and the database size are read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample charts every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the live charts and the connections, transactions/s and tuples/s figures take a sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading statistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks (%1 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the tables and take a sample of the live figures now (the last read took %1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::StatsTab</name>
    <message>
        <source>not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read %1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sampled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampled just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampled %1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampled %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::StatsTableView</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows shown as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>strata::ui::VacuumTab</name>
    <message>
        <source>Vacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead tuples and when each table was last vacuumed and analyzed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VACUUM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANALYZE…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables by transaction-ID age: at 2,147,483,647 (wraparound) the server stops assigning transaction IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User tables first; a system catalog only once older than autovacuum_freeze_max_age (%1), when autovacuum should have frozen it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
