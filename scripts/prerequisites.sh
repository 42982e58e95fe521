# Sourced by run.sh and test.sh: installs what this machine lacks, once. Every prerequisite is installed here,
# never by hand, so a fresh machine (and CI) gets the same tools.

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET SDK 10 is not installed (https://dot.net); install it and run again." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1
  export DOTNET_NOLOGO=1
  export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  ensure_debian_packages
}

# Chromium renders the committee PDF; the fonts are embedded in it, so every machine must have the same ones. The app
# prints with chromium-headless-shell (the same PDFs as the full browser with half its memory); the full chromium
# stays for a browser with a user interface and as the renderer the app falls back to without the shell.
ensure_debian_packages() {
  local wanted=(chromium-headless-shell chromium fonts-liberation2 fonts-dejavu-core)
  local missing=()
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "warning: cannot install ${missing[*]} (no apt-get); PDF rendering needs Chromium." >&2
    return 0
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} …"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
