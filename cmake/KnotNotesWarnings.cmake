# Warnings are errors in our own code. Call on every target we own (not on third-party code).
function(knotnotes_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Werror)
endfunction()
