#!/usr/bin/env bash
# run_fuzz.sh SOURCE_DIR BUILD_DIR SECONDS — builds the importer fuzz target with clang
# (libFuzzer + AddressSanitizer + UBSan) and runs it for a bounded time on the seed corpus.
# A crash, a leak or a hang fails the test and leaves the reproducer in BUILD_DIR/fuzz/.
set -euo pipefail
source_dir=$1 build_dir=$2 seconds=$3
out="$build_dir/fuzz"
mkdir -p "$out/corpus"
cp -n "$source_dir"/tests/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -I"$source_dir/sdk/include" -I"$source_dir/plugins/export_xml" -I/usr/include/libxml2 \
    "$source_dir/tests/fuzz/import_fuzz.cpp" \
    "$source_dir/plugins/export_xml/native_xml_importer.cpp" \
    "$source_dir/plugins/export_xml/record_parser.cpp" \
    "$source_dir/plugins/export_xml/records_stream.cpp" \
    "$build_dir/plugins/export_xml/records_schemas.cpp" \
    -lxml2 -o "$out/import_fuzz"
cd "$out"
./import_fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 corpus 2>&1 | tail -n 15
