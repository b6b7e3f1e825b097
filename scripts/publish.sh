#!/usr/bin/env bash
# Writes deploy/ from the AppHost's app model: Aspire's manifest (aspire-manifest.json), the Kubernetes
# Kustomize base with dev and prod overlays (kubernetes/) and the Azure Container Apps Bicep (azure/).
# Commit the result: Deploy.Tests fails when deploy/ differs from a fresh publish of the default
# configuration (no user-secrets; no AppHost__*, Google__* or Calendar__* variables in the environment:
# set those only to publish a deployment of your own, e.g. with Google sign-in, into another folder).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build AppHost/AppHost.csproj --verbosity quiet -nologo
DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
  dotnet AppHost/bin/Debug/net10.0/AppHost.dll --operation publish --publisher manifest --output-path "${1:-deploy}"
echo "${1:-deploy}/ written; review it with git diff and commit it."
