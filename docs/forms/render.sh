#!/usr/bin/env bash
# Render check of the official forms (issue 15; 002 附件1–6): the export tests export every form from the
# demo data of the test harness and keep the workbooks (FORMS_RENDER_DIR); LibreOffice converts each to PDF
# and pdftoppm to PNG (60 dpi) in docs/forms/, to be compared with the seed's layout by eye.
# Needs: PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), libreoffice,
# poppler-utils, fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/forms
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
FORMS_RENDER_DIR="$work/xlsx" npx jest "${FORMS_TESTS:-test/forms/export-(goal-forms|monitoring-forms|self-evaluation)}" >/dev/null 2>&1
for xlsx in "$work"/xlsx/*.xlsx; do
  name=$(basename "$xlsx" .xlsx)
  libreoffice --headless --convert-to pdf --outdir "$work/pdf" "$xlsx" >/dev/null 2>&1
  rm -f "$out/$name"*.png
  pdftoppm -png -r 60 "$work/pdf/$name.pdf" "$out/$name"
  echo "$out/$name: $(ls "$out/$name"*.png | wc -l) page(s)"
done
