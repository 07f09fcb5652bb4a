#!/usr/bin/env bash
# Takes a backup of the installation (database + attachments, keys, import files) into Backup:Directory.
# Reads the same settings as the app (appsettings.json, environment: Database__Provider, ConnectionStrings__Postgres,
# Storage__DataDirectory, Backup__Directory). On a server, point METROLOGY_APP_DLL at the published Metrology.Web.dll.
# See docs/operations.md.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -n "${METROLOGY_APP_DLL:-}" ]; then
    exec dotnet "$METROLOGY_APP_DLL" backup "$@"
fi
exec dotnet run --project "$repo/src/Metrology.Web" --no-launch-profile -- backup "$@"
