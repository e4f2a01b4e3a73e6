#!/bin/sh
# Run once by the postgres image when it initialises an empty data volume (/docker-entrypoint-initdb.d): makes the
# service's login role, assessment_app, with the password of ASSESSMENT_DB_PASSWORD. It owns nothing; the
# migrations (run as the owner, POSTGRES_USER) grant it rows to read and write (V26). A volume initialised before
# this script existed needs the role made by hand (README "Operations").
set -eu
: "${ASSESSMENT_DB_PASSWORD:?set ASSESSMENT_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set app_password="$ASSESSMENT_DB_PASSWORD" <<'SQL'
create role assessment_app login nosuperuser nocreatedb nocreaterole password :'app_password';
SQL
