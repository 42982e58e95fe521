# Sourced by run.sh and test.sh: installs what this machine lacks, once.
# Later issues add Chromium and fonts here; every prerequisite is installed by the project, never by hand.

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET SDK 10 is not installed (https://dot.net); install it and run again." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1
  export DOTNET_NOLOGO=1
  export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
