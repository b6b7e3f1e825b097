#!/usr/bin/env bash
# Builds the .NET services' container images with no Docker daemon and pushes them to a local registry
# (Debian's docker-registry on localhost:5000, started here when nothing answers there), where the dev
# overlay (deploy/kubernetes/overlays/dev) pulls them. A base image is made from Debian packages and the
# host's .NET runtime with buildah (no public registry is reachable here), then each service is put on it by
# the SDK's container support. Usage: scripts/build-images.sh [service...] (default: all .NET services).
# Needs: scripts/install-prerequisites.sh --images.
set -euo pipefail
cd "$(dirname "$0")/.."
registry=localhost:5000
base=$registry/agentcalls/aspnet:10.0
export DOTNET_CONTAINER_INSECURE_REGISTRIES=$registry
declare -A projects=(
  [identity]=Identity.Service/Identity.Service.csproj [clients]=Clients.Service/Clients.Service.csproj
  [calendar]=Calendar.Service/Calendar.Service.csproj [conversation]=Conversation.Service/Conversation.Service.csproj
  [transcription]=Transcription.Service/Transcription.Service.csproj [gateway]=Gateway/Gateway.csproj)
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(identity clients calendar conversation transcription gateway)

if ! curl -fsS "http://$registry/v2/" >/dev/null 2>&1; then
  # Debian's own config asks for htpasswd logins; this one is open, on loopback only.
  mkdir -p /var/lib/agentcalls-registry
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/agentcalls-registry\nhttp:\n  addr: 127.0.0.1:5000\n' \
    >/var/lib/agentcalls-registry/config.yml
  setsid docker-registry serve /var/lib/agentcalls-registry/config.yml >/tmp/agentcalls-registry.log 2>&1 &
  until curl -fsS "http://$registry/v2/" >/dev/null 2>&1; do kill -0 $! 2>/dev/null || { cat /tmp/agentcalls-registry.log; exit 1; }; sleep 0.2; done
  echo "Local registry started on $registry (pid $!; log /tmp/agentcalls-registry.log)."
fi

# The base: glibc, libstdc++, OpenSSL, ICU, zlib, tzdata and CA certificates from Debian, plus the host's .NET
# and ASP.NET Core runtimes; user "app" (1654) as in Microsoft's images. Transcription's PocketSphinx is not in it
# yet (#17: libsphinxbase3 pulls in libpulse0 and its dependencies).
work=$(mktemp -d /tmp/agentcalls-images.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # apt-get download writes as the _apt user
(cd "$work" && apt-get download -qq libc6 libgcc-s1 libstdc++6 libssl3 libicu72 zlib1g tzdata ca-certificates)
mkdir -p "$work/rootfs/usr/share/dotnet/shared" "$work/rootfs/etc" "$work/rootfs/tmp" "$work/rootfs/app"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/rootfs"; done
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$work/rootfs/usr/share/dotnet/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$work/rootfs/usr/share/dotnet/shared/"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/app:/usr/sbin/nologin\n' >"$work/rootfs/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' >"$work/rootfs/etc/group"
chmod 1777 "$work/rootfs/tmp"
container=$(buildah from scratch)
buildah copy -q "$container" "$work/rootfs" / >/dev/null
buildah config --env DOTNET_ROOT=/usr/share/dotnet --env PATH=/usr/share/dotnet:/usr/bin:/bin \
  --env ASPNETCORE_HTTP_PORTS=8080 --env DOTNET_RUNNING_IN_CONTAINER=true --user 1654:1654 --workingdir /app "$container"
buildah commit -q "$container" "$base" >/dev/null
buildah rm "$container" >/dev/null
buildah push -q --tls-verify=false "$base" "docker://$base"

for service in "${services[@]}"; do
  project=${projects[$service]:?"unknown service $service"}
  dotnet publish "$project" -c Release -t:PublishContainer --verbosity quiet -nologo \
    -p:ContainerBaseImage="$base" -p:ContainerRegistry="$registry" -p:ContainerRepository="agentcalls/$service" \
    -p:ContainerImageTag=latest -p:ContainerUser=1654
done
echo "Images pushed to $registry: ${services[*]}"
