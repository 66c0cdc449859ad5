#!/usr/bin/env bash
# Installs the Debian packages Lan Tỏa needs: OCR (tesseract + Vietnamese data), PDF tools,
# gettext for the English catalogue, Chromium for browser tests, LibreOffice for DOCX→PDF checks.
# Idempotent: does nothing when every package is already present.
set -euo pipefail

PACKAGES=(
  gettext
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng
  poppler-utils
  chromium chromium-driver
  libreoffice-writer-nogui
  fonts-dejavu-core fonts-liberation fonts-noto-core
  # Only to rebuild the OCR-confusion statistics (scripts/build_ocr_channel.py): Times-like faces.
  fonts-texgyre fonts-freefont-ttf
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Lan Tỏa cần các gói hệ thống sau nhưng bạn không phải root: ${missing[*]}" >&2
  echo "Hãy chạy: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Cài gói hệ thống: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
