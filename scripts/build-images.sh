#!/usr/bin/env bash
# Builds AgentCalls' container images with no Docker daemon and pushes them to a local registry (Debian's
# docker-registry on localhost:5000, started here when nothing answers there), where the dev overlay
# (deploy/kubernetes/overlays/dev) pulls them. No public registry is reachable here, so every base is made from
# Debian packages with buildah from scratch: the .NET services go onto a base holding the host's .NET runtime
# (Transcription's onto one that adds PocketSphinx, espeak-ng and the Silero VAD model) by the SDK's container
# support; the web app's standalone Next.js build goes onto one holding the host's Node.js. Every image runs as
# uid 1654 and needs nothing writable but /tmp. Usage: scripts/build-images.sh [service...] (default: all seven:
# identity clients calendar conversation transcription gateway web).
# Needs: scripts/install-prerequisites.sh --images.
set -euo pipefail
cd "$(dirname "$0")/.."
registry=localhost:5000
base=$registry/agentcalls/aspnet:10.0
speech_base=$registry/agentcalls/aspnet-speech:10.0
export DOTNET_CONTAINER_INSECURE_REGISTRIES=$registry
export BUILDAH_FORMAT=docker  # Docker's image format, which has a place for the health check
declare -A projects=(
  [identity]=Identity.Service/Identity.Service.csproj [clients]=Clients.Service/Clients.Service.csproj
  [calendar]=Calendar.Service/Calendar.Service.csproj [conversation]=Conversation.Service/Conversation.Service.csproj
  [transcription]=Transcription.Service/Transcription.Service.csproj [gateway]=Gateway/Gateway.csproj)
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(identity clients calendar conversation transcription gateway web)

if ! curl -fsS "http://$registry/v2/" >/dev/null 2>&1; then
  # Debian's own config asks for htpasswd logins; this one is open, on loopback only.
  mkdir -p /var/lib/agentcalls-registry
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/agentcalls-registry\nhttp:\n  addr: 127.0.0.1:5000\n' \
    >/var/lib/agentcalls-registry/config.yml
  setsid docker-registry serve /var/lib/agentcalls-registry/config.yml >/tmp/agentcalls-registry.log 2>&1 &
  until curl -fsS "http://$registry/v2/" >/dev/null 2>&1; do kill -0 $! 2>/dev/null || { cat /tmp/agentcalls-registry.log; exit 1; }; sleep 0.2; done
  echo "Local registry started on $registry (pid $!; log /tmp/agentcalls-registry.log)."
fi

work=$(mktemp -d /tmp/agentcalls-images.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'exit 143' TERM INT  # so that the folder goes when a timeout stops the build
chmod 755 "$work"  # apt-get download writes as the _apt user

# rootfs DIR PACKAGE...: Debian's packages unpacked into DIR (no maintainer scripts run), with users root and app
# (1654, as in Microsoft's images) and a world-writable /tmp.
rootfs() {
  local dir=$1 debs
  shift
  debs=$(mktemp -d "$work/debs.XXXXXX")
  chmod 755 "$debs"
  (cd "$debs" && apt-get download -qq "$@")
  mkdir -p "$dir/etc" "$dir/tmp" "$dir/app"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$dir"; done
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/app:/usr/sbin/nologin\n' >"$dir/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' >"$dir/etc/group"
  chmod 1777 "$dir/tmp"
}

# commit DIR IMAGE [buildah config option...]: DIR as the image's only layer, run as 1654 from /app, pushed.
commit() {
  local dir=$1 image=$2 container
  shift 2
  container=$(buildah from scratch)
  buildah copy -q "$container" "$dir" / >/dev/null
  buildah config --user 1654:1654 --workingdir /app "$@" "$container"
  buildah commit -q "$container" "$image" >/dev/null
  buildah rm "$container" >/dev/null
  buildah push -q --tls-verify=false "$image" "docker://$image"
}

runtime_packages=(libc6 libgcc-s1 libstdc++6 ca-certificates tzdata)
dotnet_env=(--env DOTNET_ROOT=/usr/share/dotnet --env PATH=/usr/share/dotnet:/usr/bin:/bin
  --env ASPNETCORE_HTTP_PORTS=8080 --env DOTNET_RUNNING_IN_CONTAINER=true)
dotnet_services=()
for service in "${services[@]}"; do
  [ "$service" = web ] || dotnet_services+=("$service")
done

if [ ${#dotnet_services[@]} -gt 0 ]; then
  # The .NET base: glibc, libstdc++, OpenSSL, ICU, zlib, tzdata and CA certificates from Debian, plus the host's
  # .NET and ASP.NET Core runtimes.
  rootfs "$work/dotnet" "${runtime_packages[@]}" libssl3 libicu72 zlib1g
  mkdir -p "$work/dotnet/usr/share/dotnet/shared"
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$work/dotnet/usr/share/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$work/dotnet/usr/share/dotnet/shared/"
  commit "$work/dotnet" "$base" "${dotnet_env[@]}"
fi

if [[ " ${dotnet_services[*]} " == *" transcription "* ]]; then
  # Transcription's base adds its local speech engine: PocketSphinx and its en-us model (the paths the service's
  # defaults name), espeak-ng (pronunciations for words the dictionary lacks), with what they link: sphinxbase
  # needs BLAS/LAPACK (the reference ones) and PulseAudio's client library, which brings its own dependencies.
  # The Silero VAD model goes where Transcription__Vad__ModelPath points; the service checks its hash at start.
  vad=.models/silero-vad/silero_vad.onnx
  [ -f "$vad" ] || { echo "$vad is missing: run scripts/install-prerequisites.sh first." >&2; exit 1; }
  cp -a "$work/dotnet" "$work/speech"
  rootfs "$work/speech" libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us libespeak-ng1 espeak-ng-data \
    libblas3 liblapack3 libgfortran5 libquadmath0 libpulse0 libasyncns0 libdbus-1-3 libsystemd0 libcap2 libgcrypt20 \
    libgpg-error0 liblz4-1 liblzma5 libzstd1 libsndfile1 libflac12 libogg0 libvorbis0a libvorbisenc2 libopus0 \
    libmp3lame0 libmpg123-0 libx11-6 libx11-data libx11-xcb1 libxcb1 libxau6 libxdmcp6 libbsd0 libmd0 libasound2 \
    libasound2-data libpcaudio0 libsonic0
  # What the alternatives system would have linked had the packages been installed rather than unpacked.
  ln -sf blas/libblas.so.3 "$work/speech/usr/lib/x86_64-linux-gnu/libblas.so.3"
  ln -sf lapack/liblapack.so.3 "$work/speech/usr/lib/x86_64-linux-gnu/liblapack.so.3"
  install -D -m 644 "$vad" "$work/speech/usr/share/silero-vad/silero_vad.onnx"
  commit "$work/speech" "$speech_base" "${dotnet_env[@]}" --env Transcription__Vad__ModelPath=/usr/share/silero-vad/silero_vad.onnx
fi

for service in "${dotnet_services[@]}"; do
  project=${projects[$service]:?"unknown service $service"}
  service_base=$base
  [ "$service" != transcription ] || service_base=$speech_base
  dotnet publish "$project" -c Release -t:PublishContainer --verbosity quiet -nologo \
    -p:ContainerBaseImage="$service_base" -p:ContainerRegistry="$registry" -p:ContainerRepository="agentcalls/$service" \
    -p:ContainerImageTag=latest -p:ContainerUser=1654
done

if [[ " ${services[*]} " == *" web "* ]]; then
  # The web app: Next.js' standalone build (server.js with only the node_modules it needs) with its static files,
  # on glibc and libstdc++ from Debian and the host's Node.js (a single binary).
  (cd web && NEXT_TELEMETRY_DISABLED=1 AGENTCALLS_WEB_OUTPUT=standalone npx next build >/dev/null)
  rootfs "$work/web" "${runtime_packages[@]}"
  install -D -m 755 "$(readlink -f "$(command -v node)")" "$work/web/usr/bin/node"
  cp -a web/.next-standalone/standalone/. "$work/web/app/"
  cp -a web/.next-standalone/static "$work/web/app/.next-standalone/static"
  [ ! -d web/public ] || cp -a web/public "$work/web/app/public"
  # The image's health check (there is no shell or curl in it): the home page answers.
  echo 'fetch(`http://127.0.0.1:${process.env.PORT}/`).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1));' \
    >"$work/web/app/healthcheck.js"
  commit "$work/web" "$registry/agentcalls/web:latest" --env PATH=/usr/bin:/bin --env NODE_ENV=production \
    --env PORT=8080 --env HOSTNAME=0.0.0.0 --env NEXT_TELEMETRY_DISABLED=1 --port 8080 \
    --entrypoint '["/usr/bin/node", "server.js"]' \
    --healthcheck 'CMD /usr/bin/node /app/healthcheck.js' \
    --healthcheck-interval 10s --healthcheck-timeout 5s --healthcheck-retries 3
fi
echo "Images pushed to $registry: ${services[*]}"
