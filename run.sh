#!/usr/bin/env bash
# One-command demo: simulators (gas boiler, coal boiler, motor, transformer), an embedded MQTT broker, a fleet-side
# subscriber and the gateway runtime with its status page (http://127.0.0.1:8080/), all in one process.
# Needs only the .NET SDK. Options are passed to `egw demo` (see `./run.sh --help`), e.g. ./run.sh --status-port 0
set -euo pipefail
cd "$(dirname "$0")"
dotnet build firmware/EdgeGateway.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --project firmware/EdgeGateway.Cli -c Release --no-build -- demo "$@"
