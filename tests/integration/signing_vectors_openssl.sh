#!/usr/bin/env bash
# signing_vectors_openssl.sh VECTORS_DIR — the signing test vectors checked by an Ed25519 that
# is not ours (OpenSSL): the signature verifies over the canonical text with the public key,
# the SHA-256 digest is the text's, and a one-byte change of the text no longer verifies.
# (The unit tests check that KnotNotes produces exactly these bytes.)
set -euo pipefail
dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v openssl >/dev/null || { echo "openssl is missing (Debian package openssl)"; exit 1; }
# An Ed25519 SubjectPublicKeyInfo is a fixed 12-byte DER header and the 32-byte key.
{ printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'; base64 -d "$dir/note-2.public-key.txt"; } \
    >"$work/public.der"
openssl pkey -pubin -inform DER -in "$work/public.der" -out "$work/public.pem"
base64 -d "$dir/note-2.signature.txt" >"$work/signature.bin"
[ "$(stat -c %s "$work/signature.bin")" -eq 64 ] || { echo "FAIL: the signature is not 64 bytes"; exit 1; }
openssl pkeyutl -verify -rawin -pubin -inkey "$work/public.pem" -sigfile "$work/signature.bin" \
    -in "$dir/note-2.canonical.txt" >"$work/verify.log" 2>&1 ||
    { cat "$work/verify.log"; echo "FAIL: OpenSSL does not verify the signature"; exit 1; }
echo "ok: OpenSSL verifies the Ed25519 signature of note-2.canonical.txt"
[ "$(sha256sum "$dir/note-2.canonical.txt" | cut -d' ' -f1)" = "$(cat "$dir/note-2.sha256.txt")" ] ||
    { echo "FAIL: note-2.sha256.txt is not the digest of the canonical text"; exit 1; }
echo "ok: sha256sum agrees with note-2.sha256.txt"
sed 's/"pain_after":3/"pain_after":4/' "$dir/note-2.canonical.txt" >"$work/changed.txt"
if openssl pkeyutl -verify -rawin -pubin -inkey "$work/public.pem" -sigfile "$work/signature.bin" \
    -in "$work/changed.txt" >/dev/null 2>&1; then
    echo "FAIL: a changed note still verifies"
    exit 1
fi
echo "ok: a note changed by one character no longer verifies"
