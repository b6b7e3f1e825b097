#!/usr/bin/env bash
# Writes deploy/ from the AppHost's app model: Aspire's manifest (aspire-manifest.json), the Kubernetes
# Kustomize base with dev and prod overlays (kubernetes/) and the Azure Container Apps Bicep (azure/).
# Commit the result: Deploy.Tests fails when deploy/ differs from a fresh publish.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build AppHost/AppHost.csproj --verbosity quiet -nologo
dotnet AppHost/bin/Debug/net10.0/AppHost.dll --operation publish --publisher manifest --output-path deploy
echo "deploy/ written; review with git diff and commit it."
