# SPDX-License-Identifier: MIT
# knotnotes_add_plugin(<target> MANIFEST <id>.plugin.xml SOURCES <src>...
#                      [OUTPUT_DIRECTORY <dir>] [INSTALL_DESTINATION <dir>])
#
# Builds a KnotNotes plugin: a MODULE library linked to KnotNotes::sdk, with hidden visibility,
# named exactly as the manifest's <library> element says, and the manifest copied beside it.
# OUTPUT_DIRECTORY defaults to the current binary dir; INSTALL_DESTINATION, when given, installs
# the library and its manifest there (e.g. ~/.local/share/knotnotes/plugins for a user plugin).
include_guard(GLOBAL)

function(knotnotes_add_plugin target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "MANIFEST;OUTPUT_DIRECTORY;INSTALL_DESTINATION;COMPONENT"
                          "SOURCES")
    if(NOT arg_MANIFEST OR NOT arg_SOURCES)
        message(FATAL_ERROR "knotnotes_add_plugin(${target}): MANIFEST and SOURCES are required")
    endif()
    get_filename_component(manifest ${arg_MANIFEST} ABSOLUTE)
    file(STRINGS ${manifest} library_line REGEX "<library>[^<]+</library>")
    if(NOT library_line MATCHES "<library>([^<]+)</library>")
        message(FATAL_ERROR "${manifest}: no <library> element naming the plugin's file")
    endif()
    set(library_file ${CMAKE_MATCH_1})
    if(NOT library_file MATCHES "^(.+)\\.so$")
        message(FATAL_ERROR "${manifest}: <library> must name a .so file, got '${library_file}'")
    endif()
    set(output_name ${CMAKE_MATCH_1})
    # The manifest lets the host refuse a plugin of another SDK major without loading it, so a
    # stale <abi> is caught here rather than on the user's machine.
    file(STRINGS ${manifest} abi_line REGEX "<abi [^>]*major=\"[0-9]+\"")
    if(NOT abi_line MATCHES "major=\"([0-9]+)\"")
        message(FATAL_ERROR "${manifest}: no <abi major=\"...\" minor=\"...\"/> element")
    endif()
    if(DEFINED KNOTNOTES_SDK_ABI_MAJOR AND NOT CMAKE_MATCH_1 EQUAL KNOTNOTES_SDK_ABI_MAJOR)
        message(FATAL_ERROR "${manifest} declares SDK ABI major ${CMAKE_MATCH_1}, but this is "
                "SDK ${KNOTNOTES_SDK_VERSION}: set <abi major=\"${KNOTNOTES_SDK_ABI_MAJOR}\" "
                "minor=\"${KNOTNOTES_SDK_ABI_MINOR}\"/>")
    endif()
    if(NOT arg_OUTPUT_DIRECTORY)
        set(arg_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
    if(NOT arg_COMPONENT)
        set(arg_COMPONENT plugins)
    endif()

    add_library(${target} MODULE ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE KnotNotes::sdk)
    set_target_properties(${target} PROPERTIES
        PREFIX "" OUTPUT_NAME ${output_name} SUFFIX ".so"
        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
        LIBRARY_OUTPUT_DIRECTORY ${arg_OUTPUT_DIRECTORY})
    # Refuse to link with undefined symbols: a plugin that links is a plugin that loads.
    target_link_options(${target} PRIVATE "LINKER:--no-undefined")

    get_filename_component(manifest_name ${manifest} NAME)
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E copy_if_different ${manifest}
                ${arg_OUTPUT_DIRECTORY}/${manifest_name}
        VERBATIM)
    if(arg_INSTALL_DESTINATION)
        install(TARGETS ${target} LIBRARY DESTINATION ${arg_INSTALL_DESTINATION}
                COMPONENT ${arg_COMPONENT})
        install(FILES ${manifest} DESTINATION ${arg_INSTALL_DESTINATION}
                COMPONENT ${arg_COMPONENT})
    endif()
endfunction()
