# Debian packages, built by `./dev.sh package` (cpack -G DEB in a build configured with
# -DCMAKE_INSTALL_PREFIX=/usr). Included at the end of the top-level CMakeLists.txt, after every
# install() rule. One package per install component:
#   app -> knotnotes          knotnotes, knotnotes-cli, built-in plugins, desktop integration,
#                             man pages
#   sdk -> knotnotes-sdk-dev  SDK headers, XML schemas, the KnotNotesSDK CMake package, the SDK
#                             guide and its example plugin
# The version is PROJECT_VERSION, the one number in CMakeLists.txt.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME knotnotes)
set(CPACK_PACKAGE_VENDOR "The KnotNotes developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${KNOTNOTES_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
# CPackDeb prepends CPACK_PACKAGE_DESCRIPTION_SUMMARY to every package's description unless it
# is CPack's own placeholder. Each package below has its own synopsis (the first line of its
# description), so keep the placeholder.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
# The packages install where GNUInstallDirs put things for this build's prefix (for /usr:
# lib/<multiarch>); CPackDeb would otherwise always use /usr.
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "Debian packages from this build would install to ${CMAKE_INSTALL_PREFIX}; "
                   "./dev.sh package configures its own build with /usr")
endif()
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 1)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL app sdk)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # <name>_<version>-<revision>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${KNOTNOTES_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KNOTNOTES_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Depends: computed by dpkg-shlibdeps (dpkg-dev) from the binaries and plugins.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The plugins are private modules in lib/<multiarch>/knotnotes/plugins, not shared libraries
# for others to link: no shlibs file, no ldconfig trigger.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# ---- knotnotes ------------------------------------------------------------------------------
set(CPACK_DEBIAN_APP_PACKAGE_NAME knotnotes)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION science)
set(CPACK_DEBIAN_APP_PACKAGE_SUGGESTS knotnotes-sdk-dev)
# libpq is loaded when a clinic server is first connected (db/postgres/libpq_library.hpp), so
# dpkg-shlibdeps does not see it; clinic mode needs it all the same. (The computed Depends are
# added to this one.)
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libpq5 (>= 10)")
set(CPACK_DEBIAN_APP_DESCRIPTION "clinical notes for massage therapists
KnotNotes is a desktop application for massage therapists who chart during
the session: client intake with contraindications and consent, trigger
points (knots) placed on a body chart, the pressure tolerated per area and
the techniques used with their result, kept as structured data in a local
SQLite file that works fully offline.

Signed sessions cannot be altered afterwards, every change is appended to a
hash-chained audit log, and records export to KnotNotes XML, HL7 FHIR R4,
CSV and a printable HTML report. Export formats, outcome questionnaires
(NPRS, PSFS, PEG-3, Keele STarT Back) and technique libraries are plugins.

This package contains the desktop application, the knotnotes-cli command
line tool for scripts and backups, and the built-in plugins.")

# ---- knotnotes-sdk-dev ----------------------------------------------------------------------
# Header-only, but the CMake package lives in lib/<multiarch>/cmake, so it stays
# architecture-specific.
set(CPACK_DEBIAN_SDK_PACKAGE_NAME knotnotes-sdk-dev)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION libdevel)
# Plugins must be built with the same toolchain as KnotNotes (GCC 12 and its libstdc++ on
# Debian 12) and CMake >= 3.16 for find_package(KnotNotesSDK); the headers need neither.
set(CPACK_DEBIAN_SDK_PACKAGE_RECOMMENDS "cmake (>= 3.16), g++ (>= 4:12)")
set(CPACK_DEBIAN_SDK_PACKAGE_SUGGESTS "knotnotes (= ${PROJECT_VERSION}-${KNOTNOTES_DEBIAN_REVISION})")
set(CPACK_DEBIAN_SDK_DESCRIPTION "plugin SDK for KnotNotes (C++ headers and CMake package)
KnotNotes, clinical notes for massage therapists, gets its export formats,
outcome questionnaires and technique libraries from plugins. This package
is what a plugin author needs to write one:
 - the header-only C++17 SDK: record types, muscle atlas, the exporter,
   importer, questionnaire and technique-library interfaces, the ABI
   handshake and the KNOTNOTES_PLUGIN macro;
 - the CMake package KnotNotesSDK, for find_package(KnotNotesSDK) and
   knotnotes_add_plugin();
 - the XML schemas of the plugin manifest, the questionnaire definitions
   and the KnotNotes records format;
 - the SDK guide and the hello_exporter example plugin.

Plugins must be built with the same compiler and C++ library as KnotNotes
(on Debian 12, the system g++).")

include(CPack)
