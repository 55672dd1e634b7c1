# cadre_warnings(<target>): the warning set of cadre's own code.
function(cadre_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast>
    $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -Wpedantic -Wstrict-prototypes>)
  # GCC 12 reports false -Wrestrict positives inside libstdc++ for
  # std::string concatenation at -O2/-O3 (GCC bug 105329); clang still checks.
  target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(CADRE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
