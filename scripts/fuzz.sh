#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time: scripts/fuzz.sh [seconds per target] [target...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain RUSTC_BOOTSTRAP=1
# lets cargo-fuzz pass its nightly-only flags. No sanitizer (`-s none`): the crate forbids
# unsafe code, so what fuzzing looks for is panics, hangs and runaway memory.
# The small seed corpus in fuzz/seeds/ is read, never written: new inputs go to a
# temporary corpus; crashes are saved in fuzz/artifacts/<target>/ (git-ignored).
set -euo pipefail
seconds="${1:-60}"
shift || true
cd "$(dirname "$0")/../fuzz"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(names dates nationality phones objects similarity)
fi
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
export RUSTC_BOOTSTRAP=1
# Build once, then run the binaries: `cargo fuzz run` would rebuild the whole crate
# whenever any file of the repository changed meanwhile.
cargo fuzz build -s none
bin="target/$(rustc -vV | sed -n 's/^host: //p')/release"
for target in "${targets[@]}"; do
    echo "== fuzzing $target for ${seconds}s"
    mkdir -p "$corpus/$target" "artifacts/$target"
    "$bin/$target" "$corpus/$target" "seeds/$target" -artifact_prefix="artifacts/$target/" \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
