# Compiles a C file as strict C99 against the installed cadre only and runs it.
#   cmake -DSETTINGS=<settings> -DSOURCE=<file.c> -DOUTPUT=<exe> -P installed_header.cmake
# The settings (prefix, compiler, flags) come from tests/packaging/PackagingSettings.cmake.
cmake_minimum_required(VERSION 3.25)
foreach(v IN ITEMS SETTINGS SOURCE OUTPUT)
  if(NOT ${v})
    message(FATAL_ERROR "installed_header.cmake: -D${v}=... is required")
  endif()
endforeach()
include("${SETTINGS}")

set(inc "${CADRE_PREFIX}/${CADRE_INCLUDEDIR}")
set(lib "${CADRE_PREFIX}/${CADRE_LIBDIR}")
if(NOT EXISTS "${inc}/cadre/cadre.h" OR NOT EXISTS "${lib}/libcadre.so")
  message(FATAL_ERROR "cadre is not installed in ${CADRE_PREFIX} (run packaging.install)")
endif()
separate_arguments(user_c_flags UNIX_COMMAND "${CADRE_C_FLAGS}")
separate_arguments(user_ld_flags UNIX_COMMAND "${CADRE_EXE_LINKER_FLAGS}")

file(REMOVE "${OUTPUT}")
set(cmd "${CADRE_C_COMPILER}" -std=c99 -Wall -Wextra -pedantic -Werror -Wstrict-prototypes
  ${user_c_flags} "-I${inc}" "${SOURCE}" -o "${OUTPUT}" "-L${lib}" -lcadre ${user_ld_flags})
list(JOIN cmd " " printable)
message(STATUS "$ ${printable}")
execute_process(COMMAND ${cmd} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} against the installed headers failed (${rc})")
endif()

set(ENV{LD_LIBRARY_PATH} "${lib}")
execute_process(COMMAND "${OUTPUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUTPUT} failed (${rc})")
endif()
