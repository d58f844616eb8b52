-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Liquibase's applied changesets, newest first.
SELECT id::text AS id, author::text AS author, filename::text AS filename,
       dateexecuted::text AS dateexecuted, orderexecuted::text AS orderexecuted,
       exectype::text AS exectype, md5sum::text AS md5sum, description::text AS description,
       comments::text AS comments, tag::text AS tag
FROM {{table}}
ORDER BY dateexecuted DESC NULLS LAST, orderexecuted DESC NULLS LAST
LIMIT $1
