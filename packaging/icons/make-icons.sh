#!/usr/bin/env bash
# Regenerates the Tanik icons from scratch (no external artwork).
# Needs: ImageMagick (convert) and icnsutils (png2icns):
#   apt-get install -y imagemagick icnsutils
# Output: packaging/linux/tanik.png (256x256), packaging/windows/tanik.ico,
#         packaging/macos/tanik.icns
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1024x1024 master, drawn with primitives only: a rounded blue tile with a
# white "witness" eye (tanık = witness in Turkish).
convert -size 1024x1024 xc:none \
  -fill '#16476b' -draw 'roundrectangle 32,32 991,991 200,200' \
  -fill '#1d6fa5' -draw 'roundrectangle 32,32 991,700 200,200' \
  -fill '#16476b' -draw 'rectangle 32,520 991,700' \
  -fill white -draw 'path "M 152,512 Q 512,152 872,512 Q 512,872 152,512 Z"' \
  -fill '#16476b' -draw 'circle 512,512 512,352' \
  -fill '#f2b134' -draw 'circle 512,512 512,432' \
  -fill white -draw 'circle 560,464 560,432' \
  "$tmp/master.png"

convert "$tmp/master.png" -resize 256x256 -depth 8 -strip "$pkg/linux/tanik.png"
for s in 16 32 48 64 128 256 512; do
  convert "$tmp/master.png" -resize ${s}x${s} -depth 8 -strip "$tmp/tanik_$s.png"
done
convert "$tmp"/tanik_{16,32,48,64,128,256}.png "$pkg/windows/tanik.ico"
png2icns "$pkg/macos/tanik.icns" "$tmp"/tanik_{16,32,128,256,512}.png >/dev/null
echo "icons written to $pkg/{linux,windows,macos}"
