# Shared by eng/postgres.sh and eng/prometheus.sh (sourced, not run): the parts of starting a throw-away local service
# that do not depend on the service.

# Prints the first TCP port in FIRST..LAST that nothing on 127.0.0.1 accepts on (bash's /dev/tcp, no extra tools).
free_port() {
  local first=$1 last=$2 p
  for p in $(seq "$first" "$last"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo "no free port in $first-$last" >&2
  return 1
}

# Installs Debian packages with apt-get (through sudo when not root) when apt-get is available; a no-op otherwise, so
# the caller's own "binary not found" message explains what is missing. Extra apt-get options may precede the names.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 0
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { echo "could not install ${*: -1}" >&2; return 1; }
}
