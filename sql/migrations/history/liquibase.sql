-- Liquibase's applied changesets, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted int NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255), deployment_id varchar(10))
SELECT id::text AS id, author::text AS author, filename::text AS filename,
       dateexecuted::text AS dateexecuted, orderexecuted::text AS orderexecuted,
       exectype::text AS exectype, md5sum::text AS md5sum, description::text AS description,
       comments::text AS comments, tag::text AS tag
FROM {{table}}
ORDER BY dateexecuted DESC NULLS LAST, orderexecuted DESC NULLS LAST
LIMIT $1
