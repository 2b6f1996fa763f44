# SQLCipher: SQLite with page-level encryption (AES-256, HMAC-SHA512, PBKDF2-HMAC-SHA512), in
# place of the system libsqlite3 for the app, the CLI and the tests. Defines the target
# SQLite::SQLite3 (the name find_package(SQLite3) would give), so every target that links
# SQLite gets SQLCipher and no binary ever holds two SQLite libraries.
#
# 1. A system SQLCipher >= 4.5 (pkg-config sqlcipher) is used when there is one.
# 2. Otherwise the SQLCipher amalgamation shipped in the npm package @journeyapps/sqlcipher is
#    built as a static library. Debian 12's own sqlcipher is 3.4.1 (2016), too old. The package
#    is fetched once with `npm pack` into ~/.cache/knotnotes (or $XDG_CACHE_HOME/knotnotes, or
#    KNOTNOTES_SQLCIPHER_TARBALL given by hand), and its SHA-256 is checked every time: a second
#    build, and every build after it, is offline.

set(KNOTNOTES_SQLCIPHER_NPM_PACKAGE "@journeyapps/sqlcipher")
set(KNOTNOTES_SQLCIPHER_NPM_VERSION "6.0.0")  # SQLCipher 4.14.0, SQLite 3.51.3
set(KNOTNOTES_SQLCIPHER_SHA256 "ad3ee0e551de315b230db78e2294d41868b5c166d44c0c87da35fb6b87bde54c")

# libcrypto: SQLCipher's cipher, and db/ uses its random bytes and memory wiping (libssl-dev).
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(KNOTNOTES_SYSTEM_SQLCIPHER QUIET IMPORTED_TARGET sqlcipher>=4.5)
endif()

if(KNOTNOTES_SYSTEM_SQLCIPHER_FOUND)
    message(STATUS "SQLCipher: the system's ${KNOTNOTES_SYSTEM_SQLCIPHER_VERSION}")
    add_library(SQLite::SQLite3 INTERFACE IMPORTED)
    target_link_libraries(SQLite::SQLite3 INTERFACE PkgConfig::KNOTNOTES_SYSTEM_SQLCIPHER)
    target_compile_definitions(SQLite::SQLite3 INTERFACE SQLITE_HAS_CODEC)
    return()
endif()

enable_language(C)

if(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(_sqlcipher_cache "$ENV{XDG_CACHE_HOME}/knotnotes")
else()
    set(_sqlcipher_cache "$ENV{HOME}/.cache/knotnotes")
endif()
set(KNOTNOTES_SQLCIPHER_TARBALL
    "${_sqlcipher_cache}/journeyapps-sqlcipher-${KNOTNOTES_SQLCIPHER_NPM_VERSION}.tgz"
    CACHE FILEPATH "The npm tarball of ${KNOTNOTES_SQLCIPHER_NPM_PACKAGE}")

function(_knotnotes_sqlcipher_sha256_ok file result)
    set(${result} FALSE PARENT_SCOPE)
    if(EXISTS "${file}")
        file(SHA256 "${file}" hash)
        if(hash STREQUAL KNOTNOTES_SQLCIPHER_SHA256)
            set(${result} TRUE PARENT_SCOPE)
        endif()
    endif()
endfunction()

_knotnotes_sqlcipher_sha256_ok("${KNOTNOTES_SQLCIPHER_TARBALL}" _sqlcipher_ok)
if(NOT _sqlcipher_ok)
    find_program(KNOTNOTES_NPM npm)
    if(NOT KNOTNOTES_NPM)
        message(FATAL_ERROR
            "SQLCipher: ${KNOTNOTES_SQLCIPHER_TARBALL} is missing and npm is not installed to "
            "fetch it. Install npm (sudo apt-get install npm), or put the file there by hand "
            "(npm pack ${KNOTNOTES_SQLCIPHER_NPM_PACKAGE}@${KNOTNOTES_SQLCIPHER_NPM_VERSION}, "
            "SHA-256 ${KNOTNOTES_SQLCIPHER_SHA256}).")
    endif()
    get_filename_component(_sqlcipher_dir "${KNOTNOTES_SQLCIPHER_TARBALL}" DIRECTORY)
    set(_sqlcipher_download "${_sqlcipher_dir}/download")
    file(REMOVE_RECURSE "${_sqlcipher_download}")
    file(MAKE_DIRECTORY "${_sqlcipher_download}")
    message(STATUS "SQLCipher: fetching ${KNOTNOTES_SQLCIPHER_NPM_PACKAGE}@"
                   "${KNOTNOTES_SQLCIPHER_NPM_VERSION} with npm pack")
    execute_process(
        COMMAND "${KNOTNOTES_NPM}" pack --silent
                "${KNOTNOTES_SQLCIPHER_NPM_PACKAGE}@${KNOTNOTES_SQLCIPHER_NPM_VERSION}"
        WORKING_DIRECTORY "${_sqlcipher_download}"
        RESULT_VARIABLE _npm_result
        ERROR_VARIABLE _npm_error
        OUTPUT_QUIET)
    set(_fetched
        "${_sqlcipher_download}/journeyapps-sqlcipher-${KNOTNOTES_SQLCIPHER_NPM_VERSION}.tgz")
    if(NOT _npm_result EQUAL 0 OR NOT EXISTS "${_fetched}")
        message(FATAL_ERROR "SQLCipher: npm pack failed (no network?): ${_npm_error}")
    endif()
    _knotnotes_sqlcipher_sha256_ok("${_fetched}" _sqlcipher_ok)
    if(NOT _sqlcipher_ok)
        file(SHA256 "${_fetched}" _got)
        file(REMOVE_RECURSE "${_sqlcipher_download}")
        message(FATAL_ERROR
            "SQLCipher: the downloaded ${KNOTNOTES_SQLCIPHER_NPM_PACKAGE}@"
            "${KNOTNOTES_SQLCIPHER_NPM_VERSION} has SHA-256 ${_got}, not the pinned "
            "${KNOTNOTES_SQLCIPHER_SHA256}; it was not used.")
    endif()
    file(RENAME "${_fetched}" "${KNOTNOTES_SQLCIPHER_TARBALL}")
    file(REMOVE_RECURSE "${_sqlcipher_download}")
endif()

set(_sqlcipher_src "${PROJECT_BINARY_DIR}/_deps/sqlcipher")
set(_sqlcipher_amalgamation "${_sqlcipher_src}/package/deps/sqlcipher-amalgamation")
if(NOT EXISTS "${_sqlcipher_amalgamation}/sqlite3.c")
    file(ARCHIVE_EXTRACT INPUT "${KNOTNOTES_SQLCIPHER_TARBALL}" DESTINATION "${_sqlcipher_src}"
         PATTERNS "package/deps/sqlcipher-amalgamation/*" "package/LICENSE")
endif()
file(STRINGS "${_sqlcipher_amalgamation}/VERSION.txt" _sqlite_version LIMIT_COUNT 1)
message(STATUS "SQLCipher: built from the amalgamation (SQLite ${_sqlite_version})")

add_library(knotnotes_sqlcipher STATIC "${_sqlcipher_amalgamation}/sqlite3.c")
target_include_directories(knotnotes_sqlcipher SYSTEM PUBLIC "${_sqlcipher_amalgamation}")
# SQLITE_TEMP_STORE=3: temporary tables and indices always in memory, never in plaintext temp
# files. The rest follows Debian's libsqlite3 (FTS, JSON, R*Tree, dbstat) so nothing changes for
# the schema, plus what SQLCipher needs (its codec and its init/shutdown hooks).
target_compile_definitions(knotnotes_sqlcipher
    PUBLIC SQLITE_HAS_CODEC
    PRIVATE SQLCIPHER_CRYPTO_OPENSSL SQLITE_EXTRA_INIT=sqlcipher_extra_init
            SQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown SQLITE_TEMP_STORE=3
            SQLITE_THREADSAFE=1 SQLITE_ENABLE_FTS3 SQLITE_ENABLE_FTS3_PARENTHESIS
            SQLITE_ENABLE_FTS4 SQLITE_ENABLE_FTS5 SQLITE_ENABLE_JSON1 SQLITE_ENABLE_RTREE
            SQLITE_ENABLE_DBSTAT_VTAB SQLITE_ENABLE_COLUMN_METADATA SQLITE_SECURE_DELETE
            HAVE_USLEEP=1 HAVE_STDINT_H=1 NDEBUG
            SQLCIPHER_OMIT_LOG)  # its log would print page errors on the user's terminal
# Third-party code: no -Werror; -O2 whatever the build type (the one big file takes ~1 min to
# compile; -O3 or -O0 would make it slower to build or to run); its symbols stay out of any
# shared object's dynamic table.
target_compile_options(knotnotes_sqlcipher PRIVATE -O2 -w -fvisibility=hidden)
set_target_properties(knotnotes_sqlcipher PROPERTIES C_VISIBILITY_PRESET hidden
                                                     POSITION_INDEPENDENT_CODE ON)
if(CMAKE_CXX_COMPILER_LAUNCHER AND NOT CMAKE_C_COMPILER_LAUNCHER)
    set_target_properties(knotnotes_sqlcipher PROPERTIES
                          C_COMPILER_LAUNCHER "${CMAKE_CXX_COMPILER_LAUNCHER}")
endif()
find_package(Threads REQUIRED)
target_link_libraries(knotnotes_sqlcipher PUBLIC OpenSSL::Crypto Threads::Threads ${CMAKE_DL_LIBS}
                                                 m)
add_library(SQLite::SQLite3 ALIAS knotnotes_sqlcipher)
