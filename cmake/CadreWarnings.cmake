# cadre_warnings(<target>): the warning set of cadre's own code.
function(cadre_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast>
    $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -Wpedantic -Wstrict-prototypes>)
  if(CADRE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
