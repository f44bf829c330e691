# `heading TEXT`: a section heading for the scripts' output, bold on a terminal only and never
# with NO_COLOR set, so piped or captured output stays plain text. Sourced by demo.sh.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
    heading() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
else
    heading() { printf '\n== %s ==\n' "$*"; }
fi
