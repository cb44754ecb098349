#!/usr/bin/env bash
# Installs the real peers the end-to-end tests talk to, from Debian's packages:
# the mTLS proxies (Caddy, nginx), the SAML SP playing Okta (pysaml2 with xmlsec1),
# openssl/curl, and the end user's browser (chromium, with fonts for its screenshots; the
# *BrowserIT scenarios drive it with npm's playwright-core under Node.js).
# Does nothing when they are all present.
set -euo pipefail

packages=(caddy nginx xmlsec1 python3-pysaml2 openssl curl chromium fonts-liberation)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm may come from elsewhere than Debian (a newer npm, NodeSource): look for the commands.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "The end-to-end tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing test peers: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian packages start system services; the tests run their own instances.
for svc in nginx caddy; do
    if command -v systemctl >/dev/null 2>&1; then systemctl stop "$svc" >/dev/null 2>&1 || true; fi
    service "$svc" stop >/dev/null 2>&1 || true
done
