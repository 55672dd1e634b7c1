# Driver of the packaging tests:
#   cmake -DSETTINGS=<settings-CONFIG.cmake> -DMODE=<mode> -P run.cmake
# Modes:
#   install        clean <prefix>, `cmake --install` the library components into
#                  it, check the expected files and that nothing went elsewhere
#   find_package   configure, build and run tests/packaging/consumer against <prefix>
#   pkg_config     build consumer.c with `pkg-config --cflags --libs cadre`, run it
#   no_protobuf_in_headers        no installed header mentions protobuf
#   no_protobuf_in_package_files  no installed CMake / pkg-config file mentions protobuf
#   headers        the installed headers are exactly the public ones, and each
#                  compiles on its own (C headers as C99 and C++, .hpp as C++20)
#   deprecated     CADRE_DEPRECATED warns (an error under -Werror) in C99 and
#                  C++20, and CADRE_DISABLE_DEPRECATE_WARNINGS silences it
#   exports        libcadre.so defines only cadre_* symbols (those of cadre.h),
#                  all versioned, its SONAME is libcadre.so.<ABI> and its
#                  file libcadre.so.<version>, whose major is the ABI version
cmake_minimum_required(VERSION 3.25)

if(NOT SETTINGS OR NOT EXISTS "${SETTINGS}")
  message(FATAL_ERROR "run.cmake: -DSETTINGS=<settings file> is required (got '${SETTINGS}')")
endif()
include("${SETTINGS}")
set(HERE "${CMAKE_CURRENT_LIST_DIR}")

function(fail)
  string(JOIN "" msg ${ARGN})
  message(FATAL_ERROR "FAIL [${MODE}]: ${msg}")
endfunction()

# run(<name> COMMAND ...): runs a command, echoes it and its output, fails on
# a non-zero exit. The output is returned in <name>_OUTPUT.
function(run name)
  cmake_parse_arguments(PARSE_ARGV 1 R "" "WORKING_DIRECTORY" "COMMAND")
  list(JOIN R_COMMAND " " printable)
  message(STATUS "$ ${printable}")
  if(NOT R_WORKING_DIRECTORY)
    set(R_WORKING_DIRECTORY "${CADRE_WORK_DIR}")
  endif()
  execute_process(COMMAND ${R_COMMAND}
    WORKING_DIRECTORY "${R_WORKING_DIRECTORY}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(out)
    message("${out}")
  endif()
  if(NOT rc EQUAL 0)
    fail("${name} failed (${rc}): ${printable}")
  endif()
  set(${name}_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

function(check_prefix_is_private)
  get_filename_component(p "${CADRE_PREFIX}" ABSOLUTE)
  string(FIND "${p}/" "${CADRE_BUILD_DIR}/" at)
  if(NOT at EQUAL 0 OR p MATCHES "^/(usr(/local)?)?/?$")
    fail("refusing to use '${p}' as the test prefix: it must be inside the build tree")
  endif()
endfunction()

set(C_STRICT -std=c99 -Wall -Wextra -pedantic -Werror -Wstrict-prototypes)
separate_arguments(USER_C_FLAGS UNIX_COMMAND "${CADRE_C_FLAGS}")
separate_arguments(USER_CXX_FLAGS UNIX_COMMAND "${CADRE_CXX_FLAGS}")
separate_arguments(USER_LD_FLAGS UNIX_COMMAND "${CADRE_EXE_LINKER_FLAGS}")
set(LIB_DIR "${CADRE_PREFIX}/${CADRE_LIBDIR}")
set(INC_DIR "${CADRE_PREFIX}/${CADRE_INCLUDEDIR}")

# ---------------------------------------------------------------------------
if(MODE STREQUAL "install")
  check_prefix_is_private()
  file(REMOVE_RECURSE "${CADRE_PREFIX}")
  set(config_args)
  if(CADRE_CONFIG)
    set(config_args --config "${CADRE_CONFIG}")
  endif()
  set(installed)
  foreach(component IN ITEMS cadre_runtime cadre_development)
    run(install COMMAND "${CMAKE_COMMAND}" --install "${CADRE_BUILD_DIR}"
      --prefix "${CADRE_PREFIX}" --component ${component} ${config_args})
    set(manifest "${CADRE_BUILD_DIR}/install_manifest_${component}.txt")
    if(EXISTS "${manifest}")
      file(STRINGS "${manifest}" files)
      list(APPEND installed ${files})
    endif()
  endforeach()
  foreach(f IN LISTS installed)
    string(FIND "${f}" "${CADRE_PREFIX}/" at)
    if(NOT at EQUAL 0)
      fail("installed outside the prefix: ${f}")
    endif()
  endforeach()
  set(expected
    "${INC_DIR}/cadre/cadre.h"
    "${INC_DIR}/cadre/export.h"
    "${INC_DIR}/cadre/version.h"
    "${INC_DIR}/cadre/operations.h"
    "${INC_DIR}/cadre/cadre.hpp"
    "${LIB_DIR}/libcadre.so"
    "${LIB_DIR}/libcadre.so.${CADRE_ABI_VERSION}"
    "${LIB_DIR}/libcadre-cpp.a"
    "${CADRE_PREFIX}/${CADRE_PKGCONFIGDIR}/cadre.pc")
  foreach(f IN LISTS expected)
    if(NOT EXISTS "${f}")
      fail("not installed: ${f}")
    endif()
  endforeach()
  file(GLOB_RECURSE configs "${CADRE_PREFIX}/*/cadreConfig.cmake")
  if(NOT configs)
    fail("cadreConfig.cmake is not installed")
  endif()
  get_filename_component(cfgdir "${configs}" DIRECTORY)
  foreach(f IN ITEMS cadreConfigVersion.cmake cadreTargets.cmake)
    if(NOT EXISTS "${cfgdir}/${f}")
      fail("not installed: ${cfgdir}/${f}")
    endif()
  endforeach()
  file(STRINGS "${CADRE_PREFIX}/${CADRE_PKGCONFIGDIR}/cadre.pc" prefix_line REGEX "^prefix=")
  if(NOT prefix_line STREQUAL "prefix=${CADRE_PREFIX}")
    fail("cadre.pc has '${prefix_line}', expected 'prefix=${CADRE_PREFIX}'")
  endif()
  list(LENGTH installed n)
  message(STATUS "installed ${n} files into ${CADRE_PREFIX}")

# ---------------------------------------------------------------------------
elseif(MODE STREQUAL "find_package")
  set(bin "${CADRE_WORK_DIR}/consumer-build")
  file(REMOVE_RECURSE "${bin}")
  set(args -S "${HERE}/consumer" -B "${bin}" -G "${CADRE_GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${CADRE_PREFIX}"
    "-DCADRE_EXPECTED_PREFIX=${CADRE_PREFIX}"
    "-DCADRE_EXPECTED_VERSION=${CADRE_VERSION}"
    "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF"
    "-DCMAKE_C_COMPILER=${CADRE_C_COMPILER}"
    "-DCMAKE_CXX_COMPILER=${CADRE_CXX_COMPILER}"
    "-DCMAKE_C_FLAGS=${CADRE_C_FLAGS}"
    "-DCMAKE_CXX_FLAGS=${CADRE_CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${CADRE_EXE_LINKER_FLAGS}")
  if(CADRE_MAKE_PROGRAM)
    list(APPEND args "-DCMAKE_MAKE_PROGRAM=${CADRE_MAKE_PROGRAM}")
  endif()
  if(CADRE_CONFIG)
    list(APPEND args "-DCMAKE_BUILD_TYPE=${CADRE_CONFIG}")
  endif()
  run(configure COMMAND "${CMAKE_COMMAND}" ${args})
  run(build COMMAND "${CMAKE_COMMAND}" --build "${bin}" --config "${CADRE_CONFIG}")
  run(ctest COMMAND "${CMAKE_CTEST_COMMAND}" --output-on-failure -C "${CADRE_CONFIG}"
    WORKING_DIRECTORY "${bin}")

# ---------------------------------------------------------------------------
elseif(MODE STREQUAL "pkg_config")
  if(NOT CADRE_PKG_CONFIG)
    fail("pkg-config was not found when cadre was configured")
  endif()
  set(pcdir "${CADRE_PREFIX}/${CADRE_PKGCONFIGDIR}")
  # PKG_CONFIG_LIBDIR too, so that no cadre.pc of the system can be picked up.
  set(ENV{PKG_CONFIG_PATH} "${pcdir}")
  set(ENV{PKG_CONFIG_LIBDIR} "${pcdir}")
  run(modversion COMMAND "${CADRE_PKG_CONFIG}" --modversion cadre)
  string(STRIP "${modversion_OUTPUT}" v)
  if(NOT v STREQUAL CADRE_VERSION)
    fail("pkg-config --modversion cadre gives '${v}', expected '${CADRE_VERSION}'")
  endif()
  run(flags COMMAND "${CADRE_PKG_CONFIG}" --cflags --libs cadre)
  string(STRIP "${flags_OUTPUT}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  if(NOT "-I${INC_DIR}" IN_LIST flags OR NOT "-L${LIB_DIR}" IN_LIST flags
      OR NOT "-lcadre" IN_LIST flags)
    fail("pkg-config --cflags --libs cadre gives '${flags}', expected "
      "-I${INC_DIR} -L${LIB_DIR} -lcadre")
  endif()
  set(exe "${CADRE_WORK_DIR}/consumer-pkg-config")
  file(REMOVE "${exe}")
  run(compile COMMAND "${CADRE_C_COMPILER}" ${C_STRICT} ${USER_C_FLAGS}
    "${HERE}/consumer/consumer.c" -o "${exe}" ${flags} ${USER_LD_FLAGS})
  set(ENV{LD_LIBRARY_PATH} "${LIB_DIR}")
  run(consumer COMMAND "${exe}")

# ---------------------------------------------------------------------------
elseif(MODE STREQUAL "no_protobuf_in_headers" OR MODE STREQUAL "no_protobuf_in_package_files")
  if(MODE STREQUAL "no_protobuf_in_headers")
    file(GLOB_RECURSE files LIST_DIRECTORIES false "${INC_DIR}/*")
    set(pattern "google/protobuf|pb\\.h")
  else()
    file(GLOB_RECURSE files LIST_DIRECTORIES false
      "${CADRE_PREFIX}/*.cmake" "${CADRE_PREFIX}/*.pc")
    set(pattern "[Pp]rotobuf")
  endif()
  if(NOT files)
    fail("nothing to check: is ${CADRE_PREFIX} installed?")
  endif()
  set(bad)
  foreach(f IN LISTS files)
    if(f MATCHES "\\.pb\\.h$|/google/")
      list(APPEND bad "${f}: a protobuf header is installed")
      continue()
    endif()
    file(STRINGS "${f}" hits REGEX "${pattern}")
    foreach(h IN LISTS hits)
      list(APPEND bad "${f}: ${h}")
    endforeach()
  endforeach()
  if(bad)
    list(JOIN bad "\n  " bad)
    fail("protobuf must not reach consumers:\n  ${bad}")
  endif()
  list(LENGTH files n)
  message(STATUS "${n} installed files checked: no protobuf")

# ---------------------------------------------------------------------------
elseif(MODE STREQUAL "headers")
  # 1. The installed headers are exactly include/cadre/** plus the generated
  #    ones (version.h, operations.h, enums.hpp).
  file(GLOB_RECURSE src RELATIVE "${CADRE_SOURCE_DIR}/include"
    "${CADRE_SOURCE_DIR}/include/cadre/*.h" "${CADRE_SOURCE_DIR}/include/cadre/*.hpp")
  list(APPEND src cadre/version.h cadre/operations.h cadre/enums.hpp)
  file(GLOB_RECURSE inst RELATIVE "${INC_DIR}" LIST_DIRECTORIES false "${INC_DIR}/*")
  list(SORT src)
  list(SORT inst)
  set(missing ${src})
  if(inst)
    list(REMOVE_ITEM missing ${inst})
  endif()
  set(extra ${inst})
  list(REMOVE_ITEM extra ${src})
  if(missing)
    fail("public headers not installed (add them to CADRE_PUBLIC_HEADERS in "
      "cmake/CadreInstall.cmake): ${missing}")
  endif()
  if(extra)
    fail("installed files that are not public headers: ${extra}")
  endif()
  # 2. Each header compiles on its own against the installed tree only.
  set(tu_dir "${CADRE_WORK_DIR}/header-tus")
  file(REMOVE_RECURSE "${tu_dir}")
  file(MAKE_DIRECTORY "${tu_dir}")
  set(CXX_STRICT -std=c++20 -Wall -Wextra -Wpedantic -Werror)
  foreach(h IN LISTS inst)
    string(MAKE_C_IDENTIFIER "${h}" id)
    if(h MATCHES "\\.h$")
      file(WRITE "${tu_dir}/${id}.c" "#include <${h}>\n#include <${h}>\nint cadre_header_tu_${id};\n")
      run(c99 COMMAND "${CADRE_C_COMPILER}" ${C_STRICT} -fsyntax-only
        "-I${INC_DIR}" "${tu_dir}/${id}.c")
    endif()
    file(WRITE "${tu_dir}/${id}.cc" "#include <${h}>\n#include <${h}>\nint cadre_header_tu_${id};\n")
    run(cxx20 COMMAND "${CADRE_CXX_COMPILER}" ${CXX_STRICT} -fsyntax-only
      "-I${INC_DIR}" "${tu_dir}/${id}.cc")
  endforeach()
  list(LENGTH inst n)
  message(STATUS "${n} installed headers are complete and self-contained")

# ---------------------------------------------------------------------------
elseif(MODE STREQUAL "deprecated")
  # A call to an entry point marked CADRE_DEPRECATED fails to compile under
  # -Werror, naming the replacement; with the opt-out it compiles cleanly.
  set(tu_dir "${CADRE_WORK_DIR}/deprecated")
  file(REMOVE_RECURSE "${tu_dir}")
  file(MAKE_DIRECTORY "${tu_dir}")
  set(body [=[#include <cadre/cadre.h>
CADRE_BEGIN_DECL
CADRE_DEPRECATED("use cadre_version_number") CADRE_API int cadre_old_version(void);
CADRE_END_DECL
int call_it(void);
int call_it(void) { return cadre_old_version(); }
]=])
  file(WRITE "${tu_dir}/use.c" "${body}")
  file(WRITE "${tu_dir}/use.cc" "${body}")
  set(inc "-I${CADRE_SOURCE_DIR}/include" "-I${CADRE_BUILD_DIR}/include")
  foreach(lang IN ITEMS c cc)
    if(lang STREQUAL "c")
      set(cmd "${CADRE_C_COMPILER}" ${C_STRICT})
    else()
      set(cmd "${CADRE_CXX_COMPILER}" -std=c++20 -Wall -Wextra -Wpedantic -Werror)
    endif()
    execute_process(COMMAND ${cmd} -fsyntax-only ${inc} "${tu_dir}/use.${lang}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(rc EQUAL 0)
      fail("use.${lang}: a call to a CADRE_DEPRECATED function compiled under -Werror")
    endif()
    if(NOT out MATCHES "deprecated" OR NOT out MATCHES "use cadre_version_number")
      fail("use.${lang}: the diagnostic does not say deprecated and the replacement:\n${out}")
    endif()
    run(opt_out COMMAND ${cmd} -fsyntax-only -DCADRE_DISABLE_DEPRECATE_WARNINGS ${inc}
      "${tu_dir}/use.${lang}")
  endforeach()
  message(STATUS "CADRE_DEPRECATED warns in C and C++; the opt-out silences it")

# ---------------------------------------------------------------------------
elseif(MODE STREQUAL "exports")
  set(lib "${CADRE_SHARED_LIB}")
  if(NOT EXISTS "${lib}")
    fail("${lib} does not exist")
  endif()
  # SONAME
  run(readelf COMMAND "${CADRE_READELF}" -d "${lib}")
  if(NOT readelf_OUTPUT MATCHES "Library soname: \\[([^]]*)\\]")
    fail("${lib} has no SONAME")
  endif()
  if(NOT CMAKE_MATCH_1 STREQUAL "libcadre.so.${CADRE_ABI_VERSION}")
    fail("SONAME is ${CMAKE_MATCH_1}, expected libcadre.so.${CADRE_ABI_VERSION}")
  endif()
  message(STATUS "SONAME ${CMAKE_MATCH_1}")
  # The file behind the SONAME link is libcadre.so.<version>, whose major
  # version is the ABI version (CMakeLists.txt, "Versions").
  get_filename_component(real "${lib}" REALPATH)
  get_filename_component(real_name "${real}" NAME)
  if(NOT real_name STREQUAL "libcadre.so.${CADRE_VERSION}")
    fail("the library file is ${real_name}, expected libcadre.so.${CADRE_VERSION}")
  endif()
  if(NOT CADRE_VERSION MATCHES "^${CADRE_ABI_VERSION}\\.")
    fail("version ${CADRE_VERSION} does not start with the ABI version ${CADRE_ABI_VERSION}")
  endif()
  get_filename_component(lib_dir "${lib}" DIRECTORY)
  get_filename_component(soname_target "${lib_dir}/libcadre.so.${CADRE_ABI_VERSION}" REALPATH)
  if(NOT soname_target STREQUAL real)
    fail("libcadre.so.${CADRE_ABI_VERSION} points to ${soname_target}, not ${real}")
  endif()
  message(STATUS "file ${real_name}, SONAME link libcadre.so.${CADRE_ABI_VERSION} -> ${real_name}")

  # Defined dynamic symbols: "<value> <type> <name>[@@<version>]".
  execute_process(COMMAND "${CADRE_NM}" -D --defined-only "${lib}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    fail("nm -D --defined-only failed: ${err}")
  endif()
  string(REPLACE "\n" ";" lines "${out}")
  set(exported)
  set(bad)
  foreach(line IN LISTS lines)
    if(line STREQUAL "")
      continue()
    endif()
    if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^ @]+)(@@?([^ ]+))?$")
      fail("cannot parse nm output line '${line}'")
    endif()
    set(type "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    set(version "${CMAKE_MATCH_4}")
    if(type STREQUAL "A" AND name MATCHES "^CADRE_[0-9]+$")
      continue()  # a version node of cmake/cadre.map
    endif()
    if(NOT name MATCHES "^cadre_")
      list(APPEND bad "${line}")
    elseif(NOT version MATCHES "^CADRE_[0-9]+$")
      list(APPEND bad "${line} (not versioned by cmake/cadre.map)")
    else()
      list(APPEND exported "${name}")
    endif()
  endforeach()
  if(bad)
    list(JOIN bad "\n  " bad)
    fail("libcadre exports symbols outside the C ABI:\n  ${bad}")
  endif()

  # The functions declared in cadre.h and in the operations.h it includes
  # (generated from the operation table).
  file(READ "${CADRE_SOURCE_DIR}/include/cadre/cadre.h" header)
  file(READ "${CADRE_BUILD_DIR}/include/cadre/operations.h" operations_header)
  string(APPEND header "${operations_header}")
  string(REGEX MATCHALL "CADRE_API[^;(]*[ *](cadre_[A-Za-z0-9_]+) *\\(" decls "${header}")
  set(declared)
  foreach(d IN LISTS decls)
    string(REGEX REPLACE ".*[ *](cadre_[A-Za-z0-9_]+) *\\($" "\\1" fn "${d}")
    list(APPEND declared "${fn}")
  endforeach()
  list(REMOVE_DUPLICATES exported)
  list(SORT exported)
  list(SORT declared)
  if(NOT declared)
    fail("no CADRE_API function found in cadre.h")
  endif()
  set(not_exported ${declared})
  if(exported)
    list(REMOVE_ITEM not_exported ${exported})
  endif()
  set(not_declared ${exported})
  list(REMOVE_ITEM not_declared ${declared})
  if(not_exported)
    fail("declared in cadre.h but not exported by libcadre: ${not_exported}")
  endif()
  if(not_declared)
    fail("exported by libcadre but not declared in cadre.h: ${not_declared}")
  endif()
  list(LENGTH exported n)
  if(n LESS 10)
    fail("only ${n} cadre_ symbols are exported (${exported}); expected at least 10")
  endif()
  list(JOIN exported " " names)
  message(STATUS "${n} exported symbols, all declared in cadre.h: ${names}")

else()
  message(FATAL_ERROR "run.cmake: unknown MODE '${MODE}'")
endif()
