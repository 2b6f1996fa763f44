#!/usr/bin/env bash
# fresh_test.sh [--only user|root] [--keep] — the README's Quick start on a machine that has
# nothing: a brand-new minimal Debian 12 (debootstrap --variant=minbase bookworm).
#
# For each of two people, on a root of their own made from the same pristine base:
#   user  a desktop user with sudo (the one thing a desktop user's machine has that minbase
#         lacks), umask 022, in their home folder;
#   root  the administrator, in /root.
# each runs, in a clean copy of this checkout: ./dev.sh test, then ./dev.sh run (no display:
# the app under Xvfb, which must save a real PNG screenshot), then ./dev.sh package-test.
# Nothing is installed beforehand: dev.sh must install everything its steps use.
#
# Caches (in FRESH_TEST_DIR, normally build/fresh): the debootstrapped base as a tarball, keyed
# by everything that goes into it (thrown away and rebuilt when that changes), the downloaded
# .deb files (apt still installs every package; only the download is saved) and each person's
# ccache. The roots themselves are made anew every run and removed afterwards (--keep keeps
# them for a look inside).
#
# Run as root (debootstrap, chroot and mounts need it): ./dev.sh fresh-test does, through sudo.
# Environment: FRESH_TEST_SOURCE (the checkout), FRESH_TEST_DIR (the cache folder),
# KNOTNOTES_DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail

source_dir=${FRESH_TEST_SOURCE:?}
dir=${FRESH_TEST_DIR:?}
mirror=${KNOTNOTES_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
only=
keep=0
while [ $# -gt 0 ]; do
    case $1 in
        --only) only=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        *) echo "usage: fresh_test.sh [--only user|root] [--keep]" >&2; exit 2 ;;
    esac
done

log() { printf '\033[1m==> fresh-test: %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31mfresh-test: %s\033[0m\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mounts): run ./dev.sh fresh-test"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

if ! command -v debootstrap >/dev/null; then
    log "Installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap \
        >/dev/null || die "could not install debootstrap: apt-get install debootstrap"
fi

# --- The pristine base, cached as a tarball -----------------------------------------------
base_recipe="debootstrap --variant=minbase $suite $mirror
sources: $suite $suite-updates $suite-security main
policy-rc.d: no services started inside the root"
base_key=$(printf '%s' "$base_recipe" | sha256sum | cut -c1-16)
base_tar=$dir/base-$base_key.tar
if [ ! -f "$base_tar" ]; then
    log "Building the minimal Debian 12 base (debootstrap --variant=minbase $suite)"
    rm -f "$dir"/base-*.tar  # an older recipe's base
    build_root=$dir/base-build
    rm -rf "$build_root"
    debootstrap --variant=minbase "$suite" "$build_root" "$mirror" >"$dir/debootstrap.log" 2>&1 ||
        { tail -20 "$dir/debootstrap.log" >&2; die "debootstrap failed (see $dir/debootstrap.log)"; }
    security=${mirror%/debian}/debian-security
    [ "$security" = "$mirror/debian-security" ] && security=http://deb.debian.org/debian-security
    cat >"$build_root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
    # A chroot has no init: packages (PostgreSQL, D-Bus) must not try to start services.
    printf '#!/bin/sh\nexit 101\n' >"$build_root/usr/sbin/policy-rc.d"
    chmod 755 "$build_root/usr/sbin/policy-rc.d"
    tar -C "$build_root" -cf "$base_tar.partial" .
    mv "$base_tar.partial" "$base_tar"
    rm -rf "$build_root"
fi

# --- One run ---------------------------------------------------------------------------
mounted=()
current_root=

stop_processes_in() {
    local root=$1 pid
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill -9 "$pid" 2>/dev/null
    done
    return 0
}

teardown() {
    [ -n "$current_root" ] || return 0
    stop_processes_in "$current_root"
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
    done
    mounted=()
    if grep -q " $current_root/" /proc/mounts; then
        die "could not unmount everything under $current_root; not removing it"
    fi
    [ "$keep" -eq 1 ] || rm -rf "$current_root"
    current_root=
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mount_in() {  # mount_in TARGET ARGS...
    local target=$1
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    mounted+=("$target")
}

# The checkout as a clean clone has it: tracked and new files, nothing ignored (no build/).
copy_checkout() {  # copy_checkout DEST
    mkdir -p "$1"
    (cd "$source_dir" && git ls-files -z -co --exclude-standard |
        tar --null --no-recursion -T - -cf -) | tar -C "$1" -xf -
}

run_as() {  # run_as WHO — WHO is user or root
    local who=$1 root=$dir/root-$1 home user
    log "[$who] a new Debian 12 root from the base"
    teardown
    if grep -q " $root/" /proc/mounts; then
        die "$root still has mounts from an earlier run; unmount them first"
    fi
    rm -rf "$root"
    mkdir -p "$root"
    current_root=$root
    tar -C "$root" -xf "$base_tar"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # The machine's own trust, like its resolver: the CAs this host adds (a proxy's, for
    # instance) go to the new root too, and the ca-certificates package puts them in the
    # bundle npm uses when dev.sh installs it (npm fetches SQLCipher over HTTPS).
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        mkdir -p "$root/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    fi
    mount_in "$root/proc" -t proc proc
    mount_in "$root/sys" -t sysfs sysfs
    mount_in "$root/dev" --bind /dev
    mount_in "$root/dev/pts" -t devpts devpts -o newinstance,ptmxmode=0666
    mount_in "$root/dev/shm" -t tmpfs tmpfs -o mode=1777
    mkdir -p "$dir/apt-archives/partial" "$dir/ccache-$who"
    mount_in "$root/var/cache/apt/archives" --bind "$dir/apt-archives"
    mount_in "$root/var/cache/knotnotes-ccache" --bind "$dir/ccache-$who"

    if [ "$who" = user ]; then
        user=therapist home=/home/therapist
        log "[$who] a desktop user with sudo: $user"
        chroot "$root" apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq sudo >/dev/null
        chroot "$root" useradd -m -s /bin/bash "$user"
        echo "$user ALL=(ALL) NOPASSWD: ALL" >"$root/etc/sudoers.d/$user"
        chmod 440 "$root/etc/sudoers.d/$user"
    else
        user=root home=/root
    fi
    copy_checkout "$root$home/knotnotes"
    # The official FHIR R4 schemas are not the project's to ship (DOMAIN.md): where this machine
    # has them beside the checkout, the fresh machine gets them too, so that check runs there.
    local fhir_env=()
    if [ -f "$source_dir/../shared/schemas/fhir-r4/fhir-single.xsd" ]; then
        mkdir -p "$root/opt/fhir-r4"
        cp -r "$source_dir/../shared/schemas/fhir-r4/." "$root/opt/fhir-r4/"
        fhir_env=(KNOTNOTES_FHIR_XSD_DIR=/opt/fhir-r4)
    fi
    chroot "$root" chown -R "$user:" "$home/knotnotes" /var/cache/knotnotes-ccache

    log "[$who] ./dev.sh test, ./dev.sh run, ./dev.sh package-test (log: $dir/$who.log)"
    local started=$SECONDS status=0
    chroot "$root" /usr/sbin/runuser -u "$user" -- /usr/bin/env -i HOME="$home" USER="$user" \
        LOGNAME="$user" PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin \
        LANG=C.UTF-8 TERM=dumb CCACHE_DIR=/var/cache/knotnotes-ccache "${fhir_env[@]}" \
        /bin/bash -c 'umask 022 && cd ~/knotnotes &&
            ./dev.sh test && ./dev.sh run &&
            head -c 8 build/screenshot.png | grep -q PNG &&
            echo "fresh-test: ./dev.sh run saved build/screenshot.png" &&
            ./dev.sh package-test' 2>&1 | tee "$dir/$who.log" || status=$?
    local took=$((SECONDS - started))
    [ "$status" -eq 0 ] ||
        die "[$who] the Quick start failed on a fresh Debian 12 after ${took} s (status $status; log: $dir/$who.log)"
    log "[$who] passed in ${took} s"
    teardown
}

for who in user root; do
    [ -z "$only" ] || [ "$only" = "$who" ] || continue
    run_as "$who"
done
log "the Quick start passed on a fresh Debian 12${only:+ ($only only)}"
