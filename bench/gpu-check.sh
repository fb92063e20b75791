#!/usr/bin/env bash
# The prepared check of the GPU engine on a real GPU (snn-bench gpu-check; see bench/README.md, "GPU check").
#
#   bench/gpu-check.sh pack            here, with the .NET SDK: build in Release and pack the check, the GPU tests,
#                                      VSTest and the .NET runtime into .gpu-check/snn-gpu-check.tar.xz (git-ignored),
#                                      for a machine that has a GPU but no .NET
#   bench/gpu-check.sh [ARGS...]       run the check (ARGS go to 'snn-bench gpu-check', e.g. --out DIR, --dry-run,
#                                      --steps a,b, --budget S): from the pack when .gpu-check holds one, else built
#                                      here in Release with the SDK
set -euo pipefail
cd "$(dirname "$0")/.."
pack=.gpu-check/snn-gpu-check.tar.xz
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build() {
  dotnet build bench/Snn.Bench/Snn.Bench.csproj -c Release -v quiet -nologo
  dotnet build tests/Snn.Backends.Tests/Snn.Backends.Tests.csproj -c Release -v quiet -nologo
}

if [ "${1:-}" = pack ]; then
  build
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  runtime=$(ls -d "$root"/shared/Microsoft.NETCore.App/10.* | sort -V | tail -1)
  fxr=$(ls -d "$root"/host/fxr/* | sort -V | tail -1)
  sdk=$(ls -d "$root"/sdk/10.* | sort -V | tail -1)
  mkdir -p "$stage/dotnet/shared/Microsoft.NETCore.App" "$stage/dotnet/host/fxr" "$stage/app" "$stage/vstest"
  cp "$root/dotnet" "$stage/dotnet/"
  cp -r "$fxr" "$stage/dotnet/host/fxr/"
  cp -r "$runtime" "$stage/dotnet/shared/Microsoft.NETCore.App/"
  # The app and the GPU tests share one folder (same pinned dependencies); native libraries for linux-x64 only.
  for out in bench/Snn.Bench/bin/Release/net10.0 tests/Snn.Backends.Tests/bin/Release/net10.0; do
    tar -C "$out" --exclude=./runtimes --exclude='*.pdb' -cf - . | tar -C "$stage/app" -xf -
    [ -d "$out/runtimes/linux-x64" ] && mkdir -p "$stage/app/runtimes" && cp -r "$out/runtimes/linux-x64" "$stage/app/runtimes/"
  done
  # VSTest, the runner behind 'dotnet test', and the libraries it loads from the SDK.
  (cd "$sdk" && cp -r vstest.console.* Microsoft.TestPlatform.*.dll Microsoft.VisualStudio.TestPlatform.*.dll testhost* Extensions \
      Microsoft.Extensions.FileSystemGlobbing.dll Microsoft.Extensions.DependencyModel.dll Newtonsoft.Json.dll "$stage/vstest/")
  { git rev-parse HEAD; git status --porcelain | grep -q . && echo "(with uncommitted changes)" || true; } > "$stage/COMMIT"
  mkdir -p .gpu-check
  tar -C "$stage" -cf - . | xz -T0 -9 > "$pack"
  echo "packed $(du -h "$pack" | cut -f1) into $pack from $(head -1 "$stage/COMMIT") $(sed -n 2p "$stage/COMMIT")"
  exit 0
fi

if [ -f "$pack" ]; then
  dir=${TMPDIR:-/tmp}/snn-gpu-check
  rm -rf "$dir" && mkdir -p "$dir"
  xz -dc "$pack" | tar -C "$dir" -xf -
  echo "gpu-check pack of $(head -1 "$dir/COMMIT") $(sed -n 2p "$dir/COMMIT")"
  if [ "$(git rev-parse HEAD 2>/dev/null || true)" != "$(head -1 "$dir/COMMIT")" ]; then
    echo "warning: the pack was built from another commit than this checkout's; run 'bench/gpu-check.sh pack' again after changing the code"
  fi
  export DOTNET_ROOT="$dir/dotnet" PATH="$dir/dotnet:$PATH" DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
  exec "$dir/dotnet/dotnet" "$dir/app/snn-bench.dll" gpu-check --tests "$dir/app/Snn.Backends.Tests.dll" --vstest "$dir/vstest/vstest.console.dll" "$@"
fi

if dotnet --list-sdks 2>/dev/null | grep -q .; then
  build
  exec dotnet bench/Snn.Bench/bin/Release/net10.0/snn-bench.dll gpu-check "$@"
fi

echo "No $pack and no .NET SDK here: run 'bench/gpu-check.sh pack' on a machine with the .NET 10 SDK and bring .gpu-check along." >&2
exit 3
