#!/bin/sh
# First start of the compose PostgreSQL: per service database, an owner role (migrations) and the
# service's own login role (what it runs as; not a superuser, owns nothing). The service, migrating
# as the owner, grants its role the table privileges: INSERT and SELECT only on access_log
# (libs/infra serviceRoleGrants). The same split as `npm start`, the tests and deploy/k8s.
set -eu
for db in asw_case asw_housing_support asw_benefits_handling asw_group_activity; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v owner="${db}_owner" -v app="${db}_app" \
    -v owner_password="$ASW_DB_OWNER_PASSWORD" -v app_password="$ASW_DB_SERVICE_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
\c :"db"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
done
