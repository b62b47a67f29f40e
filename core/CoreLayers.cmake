# The folders of core/ in layers, lowest first. A folder may include its own headers and those
# of the folders listed before it, never one listed after it: so no two folders can depend on
# each other, directly or through a third. The README's layout table explains each layer.
#
# Checked when CMake configures the build and, as the test core_layers, on every test run:
#   cmake -DCORE_DIR=<path to core> -P core/CoreLayers.cmake
set(FOIDESK_CORE_LAYERS
    util        # results, settings, files of the open log, translations
    model       # plain data: Request and its enums
    wording     # the placeholder grammar of templates
    calendar    # bank holidays and working days
    redaction   # withheld spans and personal-data suggestions
    exemptions  # the catalogue of exemptions
    release     # the leak rule: withheld strings, the check, the checked write
    profile     # the organisation profile and its wording
    exchange    # the JSON exchange format, public copy, fingerprint
    letter      # composing, rendering and exporting letters
    workflow    # what a request may go through (the release gate)
    store       # the SQLite log
    editing     # the editing session and its undo commands
    listing     # the store-backed request list model
    stats       # the quarterly figures counted from the log
    publish     # the published disclosure log: gate, static site, checked swap
    importing   # reading past response letters and finding their fields
    cli         # the command line
)

function(foidesk_check_core_layers core_dir)
    set(violations "")
    list(LENGTH FOIDESK_CORE_LAYERS layer_count)
    file(GLOB_RECURSE sources "${core_dir}/*.h" "${core_dir}/*.cpp")
    foreach(source IN LISTS sources)
        file(RELATIVE_PATH relative "${core_dir}" "${source}")
        string(REGEX MATCH "^[^/]+" folder "${relative}")
        list(FIND FOIDESK_CORE_LAYERS "${folder}" rank)
        if(rank EQUAL -1)
            string(APPEND violations "\n  ${relative}: folder ${folder} has no layer in core/CoreLayers.cmake")
            continue()
        endif()
        file(STRINGS "${source}" includes REGEX "^#include \"[a-z]+/")
        foreach(line IN LISTS includes)
            string(REGEX MATCH "\"([a-z]+)/" _ "${line}")
            set(target "${CMAKE_MATCH_1}")
            list(FIND FOIDESK_CORE_LAYERS "${target}" target_rank)
            if(target_rank GREATER rank)
                string(APPEND violations "\n  ${relative}: ${line} (${folder} is below ${target})")
            elseif(target_rank EQUAL -1)
                string(APPEND violations "\n  ${relative}: ${line} (${target} is not a core folder)")
            endif()
        endforeach()
    endforeach()
    if(violations)
        message(FATAL_ERROR "core/ folders must include only lower layers (core/CoreLayers.cmake):"
            "${violations}")
    endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
    foidesk_check_core_layers("${CORE_DIR}")
endif()
