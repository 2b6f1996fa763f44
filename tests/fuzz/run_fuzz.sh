#!/usr/bin/env bash
# run_fuzz.sh SOURCE_DIR BUILD_DIR SECONDS [TARGET] — builds a fuzz target with clang
# (libFuzzer + AddressSanitizer + UBSan) and runs it for a bounded time on its seed corpus.
# TARGET: import (the native XML importer, the default), fhir (the FHIR Bundle importer) or
# client-list (the CSV client list import). A crash, a leak or a hang fails the test and leaves the reproducer in
# BUILD_DIR/fuzz/TARGET/.
set -euo pipefail
source_dir=$1 build_dir=$2 seconds=$3 target=${4:-import}
out="$build_dir/fuzz/$target"
mkdir -p "$out/corpus"
flags=(-std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
case "$target" in
    import)
        cp -n "$source_dir"/tests/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
        clang++-14 "${flags[@]}" \
            -I"$source_dir/sdk/include" -I"$source_dir/plugins/export_xml" -I/usr/include/libxml2 \
            "$source_dir/tests/fuzz/import_fuzz.cpp" \
            "$source_dir/plugins/export_xml/native_xml_importer.cpp" \
            "$source_dir/plugins/export_xml/record_parser.cpp" \
            "$source_dir/plugins/export_xml/records_stream.cpp" \
            "$build_dir/plugins/export_xml/records_schemas.cpp" \
            -lxml2 -o "$out/fuzz"
        max_len=65536
        ;;
    fhir)
        cp -n "$source_dir"/tests/fuzz/corpus-fhir/* "$out/corpus/" 2>/dev/null || true
        fhir="$source_dir/plugins/export_fhir"
        clang++-14 "${flags[@]}" \
            -I"$source_dir/sdk/include" -I"$build_dir/sdk/include" -I"$fhir" -I/usr/include/libxml2 \
            -DKNOTNOTES_FUZZ_FHIR "$source_dir/tests/fuzz/import_fuzz.cpp" \
            "$fhir/fhir_importer.cpp" "$fhir/fhir_client_reader.cpp" "$fhir/fhir_bundle_stream.cpp" \
            "$fhir/fhir_node.cpp" "$fhir/fhir_identity.cpp" "$fhir/fhir_field_reading.cpp" "$fhir/fhir_held_resources.cpp" "$fhir/fhir_time.cpp" \
            -lxml2 -lcrypto -o "$out/fuzz"
        max_len=131072
        ;;
    client-list)
        cp -n "$source_dir"/tests/fuzz/corpus-client-list/* "$out/corpus/" 2>/dev/null || true
        core="$source_dir/app/core"
        clang++-14 "${flags[@]}" \
            -I"$source_dir/app" -I"$source_dir" -I"$source_dir/sdk/include" \
            -I"$build_dir/sdk/include" \
            "$source_dir/tests/fuzz/client_list_fuzz.cpp" \
            "$core/csv_table.cpp" "$core/client_list_columns.cpp" "$core/client_list_dates.cpp" \
            "$core/client_list_plan.cpp" "$core/calendar_date.cpp" "$core/entered_text.cpp" \
            "$core/client_header.cpp" "$core/local_time.cpp" \
            -o "$out/fuzz"
        max_len=8192
        ;;
    *)
        echo "run_fuzz.sh: unknown target $target (import, fhir or client-list)" >&2
        exit 2
        ;;
esac
cd "$out"
./fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 corpus 2>&1 | tail -n 15
